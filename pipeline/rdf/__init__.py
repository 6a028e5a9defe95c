"""RDF side of whereas: graph building, validation, export, store, endpoint."""
