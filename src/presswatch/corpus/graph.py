"""Connected components: the one union-find the corpus layer (and its Spark runner) use."""

from __future__ import annotations

from typing import Iterable


def components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected components of nodes 0..n-1 (singletons included), each sorted, in order of first node."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())

