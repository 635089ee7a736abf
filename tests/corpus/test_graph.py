from presswatch.corpus.graph import component_roots, components


def test_graph_components_joins_transitively_and_keeps_singletons():
    assert components(5, [(0, 2), (2, 4)]) == [[0, 2, 4], [1], [3]]


def test_graph_component_roots_maps_keys_to_smallest_member():
    roots = component_roots([("b", "c"), ("c", "a"), ("x", "y")])
    assert roots == {"a": "a", "b": "a", "c": "a", "x": "x", "y": "x"}
