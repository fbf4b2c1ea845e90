"""Synthetic articles for benchmarks, from one of two corpora.

``seeds`` recombines the seed articles' few dozen sentences: every common word
is in nearly every article, the hardest case for the search. ``news`` writes
articles from templates of diplomatic news and word lists with a long tail
(``news_words/``), so that articles differ in their words as news does.
``storing`` stores either, linked to the archive's entities.
"""
