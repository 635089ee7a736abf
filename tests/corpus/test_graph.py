from presswatch.corpus.graph import components


def test_graph_components_joins_transitively_and_keeps_singletons():
    assert components(5, [(0, 2), (2, 4)]) == [[0, 2, 4], [1], [3]]

