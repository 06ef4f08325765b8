import type { Binding, ExchangeTypeImpl, Routable, Router } from './types';

/**
 * topic: binding keys are dot-separated words where `*` stands for exactly one word and `#` for
 * zero or more. As in RabbitMQ, bindings live in a trie (one edge per word), so matching walks
 * only the branches the routing key can reach, however many bindings there are.
 *
 * Words: "" is zero words; "." is two empty words; `*` and `#` are wildcards only as whole words
 * ("a#" is literal).
 */
interface TrieNode {
  children: Map<string, TrieNode>;
  bindings: Set<Binding>;
}

const node = (): TrieNode => ({ children: new Map(), bindings: new Set() });

export function topicWords(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

class TopicRouter implements Router {
  private root = node();

  add(b: Binding) {
    let n = this.root;
    for (const w of topicWords(b.routingKey)) {
      let c = n.children.get(w);
      if (!c) {
        c = node();
        n.children.set(w, c);
      }
      n = c;
    }
    n.bindings.add(b);
  }

  remove(b: Binding) {
    const path: [TrieNode, string][] = [];
    let n = this.root;
    for (const w of topicWords(b.routingKey)) {
      const c = n.children.get(w);
      if (!c) return;
      path.push([n, w]);
      n = c;
    }
    n.bindings.delete(b);
    // prune branches that lead nowhere any more
    for (let i = path.length - 1; i >= 0; i--) {
      const [parent, w] = path[i]!;
      const child = parent.children.get(w)!;
      if (child.bindings.size || child.children.size) break;
      parent.children.delete(w);
    }
  }

  match(msg: Routable, out: Binding[]) {
    matchWords(this.root, topicWords(msg.routingKey), 0, out);
    if (msg.ccKeys) for (const key of msg.ccKeys) matchWords(this.root, topicWords(key), 0, out);
  }
}

// RabbitMQ's trie_match: at each node try the literal word, `*` (one word) and `#` (any number).
function matchWords(n: TrieNode, words: string[], i: number, out: Binding[]): void {
  if (i === words.length) {
    for (const b of n.bindings) out.push(b);
    const hash = n.children.get('#');
    if (hash) matchWords(hash, words, i, out); // `#` matches zero words at the end
    return;
  }
  const lit = n.children.get(words[i]!);
  if (lit) matchWords(lit, words, i + 1, out);
  if (words[i] !== '*') {
    const star = n.children.get('*');
    if (star) matchWords(star, words, i + 1, out);
  }
  const hash = n.children.get('#');
  if (hash) {
    // `#` swallows words[i..j) for every j, including none
    for (let j = i; j <= words.length; j++) matchWords(hash, words, j, out);
  }
}

export const topic: ExchangeTypeImpl = { create: () => new TopicRouter() };
