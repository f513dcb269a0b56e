"""IJK self-evaluation, Kijkwijzer observations and the realism check between them."""
