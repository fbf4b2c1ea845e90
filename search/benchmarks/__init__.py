"""What the benchmark commands run on: their figures, the index writer as its own process, and the load benchmark.

``bench_search`` times one search at a time inside one process; ``bench_freshness``
times a save until a search finds it, with the writer as its own process
(``writer_process``). ``bench_load`` puts the archive under load as an operator
runs it: the real processes (gunicorn with ``config/gunicorn.conf.py`` and the
index writer: ``stack``), readers from many threads over loopback (``readers``,
``loopback``), and optionally an import and an editor saving through the admin
at the same time (``writers``), scenario by scenario (``scenarios``). Figures
are recorded and reported, never judged: they depend on the machine.

The archive is left as it was found: the imported articles are deleted (the
writer removes them from the index) and so is the editor's account; the admin
saves post each form as the editor found it, so they change no text yet do
all an edit does (save, relink, queue).
"""
