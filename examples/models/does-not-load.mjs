// Breaks the module contract: throws while loading. Expected: exit 2, one line.
throw new Error('missing weights file');
