"""Arabic text as the archive reads it: one definition of "the same word", and numbers and dates for readers.

Plain Python over PyArabic: text in; normalised words, stems, compound names,
function words, numbers and dates out. It imports nothing of the archive,
Django, haystack or Whoosh, so the index, the query parser, the highlighter,
the linker, the importer and the admin's search all read Arabic the same way.

- ``normalization``: spelling variants folded, with offsets into the original text;
- ``stemming``: proclitics and suffixes, every reading of an ambiguous word;
- ``compounds``: "عبد المجيد" and "عبدالمجيد" as one name;
- ``function_words``: the words left out of unquoted queries;
- ``name_cues`` and ``suggestion_cues``: the words around a name, known or not yet known;
- ``numbers`` and ``dates``: either style of digits, counted nouns, every region's month names;
- ``bidi``: what a person typed, isolated so that it reads as typed inside Arabic text.
"""
