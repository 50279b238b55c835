"""OAI-PMH 2.0: research outputs for harvesters (repositories, aggregators, Google Scholar)."""
