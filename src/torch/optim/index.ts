/** The torch.optim module: Optimizer, the optimizer classes, and torch.optim.lr_scheduler. */
import { PyModule } from '../../python/objects.js';
import { ALGORITHMS } from './algorithms.js';
import { lrSchedulerModule } from './lr_scheduler.js';
import { optimizerClass, optimizerClassOf } from './optimizer.js';

/** A fresh module per run (a program may rebind its names); the classes themselves are immutable. */
export function createOptimModule(): PyModule {
  const optim = new PyModule('torch.optim');
  optim.dict.set('Optimizer', optimizerClass);
  for (const algo of ALGORITHMS) optim.dict.set(algo.name, optimizerClassOf(algo));
  const sched = new PyModule('torch.optim.lr_scheduler');
  for (const [k, v] of Object.entries(lrSchedulerModule())) sched.dict.set(k, v);
  optim.dict.set('lr_scheduler', sched);
  return optim;
}
