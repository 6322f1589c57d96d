"""Policy documents placed on the two axes of the transitiemodel (product.md §7)."""
