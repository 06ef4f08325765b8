import { describe, expect, it } from 'vitest';
import { deleteElements, emptyScenario } from '../model';
import { logsTopology } from '../model/testing/build';
import { neighbourAfterRemoval, removedSomething } from './useFocusKeeper';

describe('where focus goes when an edit removes what had it', () => {
  it('to the node nearest to the removed ones', () => {
    const { doc, errors, all } = logsTopology();
    // the builder stacks the exchange and queues 120 apart, apps far to the sides: errors is above all
    expect(neighbourAfterRemoval(doc, deleteElements(doc, [all], []))).toBe(errors);
  });

  it('to the source of a removed binding when only lines went', () => {
    const { doc, logs } = logsTopology();
    expect(neighbourAfterRemoval(doc, deleteElements(doc, [], [doc.bindings[0]!.id]))).toBe(logs);
  });

  it('nowhere when no node is left (the canvas itself takes focus)', () => {
    const { doc } = logsTopology();
    expect(neighbourAfterRemoval(doc, emptyScenario())).toBeNull();
  });

  it('only after an edit that could have taken what had focus', () => {
    const { doc, all } = logsTopology();
    expect(removedSomething(doc, deleteElements(doc, [all], []))).toBe(true);
    expect(removedSomething(doc, deleteElements(doc, [], [doc.bindings[0]!.id]))).toBe(true);
    // a new document object with the same nodes, bindings and apps (a rename, a layout): nothing went
    expect(removedSomething(doc, { ...doc, title: 'renamed' })).toBe(false);
  });
});
