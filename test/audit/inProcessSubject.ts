import type { AuditedModule } from '../../src/audit/AuditedModule.js';
import { AuditSubject } from '../../src/audit/AuditSubject.js';
import { InProcessRunner } from '../../src/audit/subject/InProcessRunner.js';

/** An audit subject running `module` in this thread, without a deadline. */
export function inProcessSubject(module: AuditedModule, source = 'x.mjs'): Promise<AuditSubject> {
  return AuditSubject.open(new InProcessRunner(module, source), { timeoutMs: Infinity });
}
