"""Behaviour tests in the style of CheckList (Ribeiro et al. 2020).

The labelled corpora give base replies; ``transforms`` rewrites them (same meaning in another
form, or a minimal edit with a known effect) and ``generate`` turns each rewrite into a case
that compares the checker's findings on the variant with its own findings on the base.
"""
