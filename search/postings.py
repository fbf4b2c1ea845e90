"""How the index stores postings: typed arrays in each block, a third of Whoosh's own size.

Whoosh's codec pickles each block of postings as tuples with protocol 2: a
float object per weight, a pickled list of word positions per posting, and
each posting's bytes wrapped in a call to ``_codecs.encode`` (protocol 2
predates bytes). Postings were 70% of the index, about 11 bytes each. Here a
block is a fixed header and one compressed run of arrays, each in the
narrowest type its numbers fit: document numbers as gaps, weights as whole
counts when they are, the values' lengths, then the values, of which a word's
positions are gaps too (``CompactPositions``). Reading a block is slicing
arrays, not unpickling objects.

The codec is the writer's (``search.writing``); each segment records the
codec that wrote it, so segments Whoosh's own codec wrote stay readable, and
a merge writes them anew in this one.
"""

from __future__ import annotations

import struct
import zlib
from array import array
from collections.abc import Iterator
from itertools import accumulate, pairwise

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3LeafMatcher, W3PostingsWriter
from whoosh.formats import Positions
from whoosh.system import emptybytes
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.util.numlists import delta_encode

# Postings, last document, highest weight, shortest and longest field length (as
# Whoosh's length bytes), the type codes of the gaps, weights and value lengths ("-" for none).
_HEADER = struct.Struct("!IIfBBccc")
_BLOCK_LENGTH = struct.Struct("!i")
_NONE = b"-"
# zlib's level: 3 compresses these arrays nearly as well as 9, at a third of the time.
_COMPRESSION = 3


def _narrowest(numbers) -> array:
    """``numbers`` (whole, not negative) as an array of the smallest unsigned type that holds them."""
    largest = max(numbers, default=0)
    code = "B" if largest < 1 << 8 else "H" if largest < 1 << 16 else "I"
    return array(code, numbers)


def _read_array(code: bytes, data: memoryview, start: int, count: int) -> tuple[array, int]:
    """The ``count`` numbers of type ``code`` at ``start`` of ``data``, and where they end."""
    numbers = array(code.decode())
    end = start + count * numbers.itemsize
    numbers.frombytes(data[start:end])
    return numbers, end


class CompactPositions(Positions):
    """A word's positions in a document as gaps, in the narrowest array type, behind its type code.

    Whoosh's ``Positions`` pickles a list per posting: 13 bytes or more for
    a single position, here 2.
    """

    def encode(self, poslist) -> bytes:
        gaps = _narrowest([position - before for before, position in pairwise([0, *poslist])])
        return gaps.typecode.encode() + gaps.tobytes()

    def decode_positions(self, valuestring) -> list[int]:
        gaps = array(chr(valuestring[0]))
        gaps.frombytes(valuestring[1:])
        return list(accumulate(gaps))

    def decode_frequency(self, valuestring) -> int:
        return (len(valuestring) - 1) // array(chr(valuestring[0])).itemsize

    def decode_weight(self, valuestring) -> float:
        return self.decode_frequency(valuestring) * self.field_boost


class CompactPostingsWriter(W3PostingsWriter):
    """Writes each block as ``_HEADER`` and the zlib of its arrays, in place of pickled tuples."""

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = _narrowest(list(delta_encode(self._ids)))
        weights = self._weights
        if all(weight == 1.0 for weight in weights):
            weights, weight_code = b"", _NONE
        elif all(weight.is_integer() and 0 <= weight < 1 << 16 for weight in weights):
            weights = _narrowest([int(weight) for weight in weights])
            weight_code = weights.typecode.encode()
        else:
            weight_code = b"f"
        values, length_code = self._values, _NONE
        if self._format.fixed_value_size() is None or self._format.fixed_value_size() < 0:
            lengths = _narrowest([len(value) for value in values])
            length_code = lengths.typecode.encode()
            values = [lengths.tobytes(), *values]
        data = zlib.compress(emptybytes.join([ids.tobytes(), bytes(weights), *values]), _COMPRESSION)
        header = _HEADER.pack(
            len(self._ids),
            self._ids[-1],
            self._maxweight,
            length_to_byte(self._minlength),
            length_to_byte(self._maxlength),
            ids.typecode.encode(),
            weight_code,
            length_code,
        )
        length = len(header) + len(data)
        self._postfile.write(_BLOCK_LENGTH.pack(-length if last else length))
        self._postfile.write(header)
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()


class CompactLeafMatcher(W3LeafMatcher):
    """Reads the blocks ``CompactPostingsWriter`` writes, the whole block's arrays at once."""

    def _goto(self, position: int) -> None:
        postfile = self._postfile
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        length = _BLOCK_LENGTH.unpack(postfile.get(position, _BLOCK_LENGTH.size))[0]
        self._lastblock = length < 0
        length = abs(length)
        start = position + _BLOCK_LENGTH.size
        self._nextoffset = start + length
        self._dataoffset = start + _HEADER.size
        (
            self._blocklength,
            self._maxid,
            self._maxweight,
            minimum,
            maximum,
            self._id_code,
            self._weight_code,
            self._length_code,
        ) = _HEADER.unpack(postfile.get(start, _HEADER.size))
        self._minlength = byte_to_length(minimum)
        self._maxlength = byte_to_length(maximum)

    def _read_data(self) -> None:
        data = memoryview(
            zlib.decompress(self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset))
        )
        count = self._blocklength
        gaps, end = _read_array(self._id_code, data, 0, count)
        self._ids = array("I", accumulate(gaps))
        if self._weight_code == _NONE:
            self._weights = array("f", [1.0]) * count
        else:
            weights, end = _read_array(self._weight_code, data, end, count)
            self._weights = weights if self._weight_code == b"f" else array("f", weights)
        self._values = self._split_values(data, end, count)
        self._data = True

    def _split_values(self, data: memoryview, start: int, count: int) -> tuple:
        fixed = self._fixedsize
        if self._length_code != _NONE:
            lengths, start = _read_array(self._length_code, data, start, count)
            ends = list(accumulate(lengths, initial=start))
            return tuple(bytes(data[begin:end]) for begin, end in pairwise(ends))
        if not fixed:
            return (None,) * count
        return tuple(
            bytes(data[begin : begin + fixed]) for begin in range(start, start + count * fixed, fixed)
        )

    def _read_ids(self) -> None:
        self._read_data()

    _read_weights = _read_values = _read_ids

    def blocks(self) -> Iterator[tuple[array, array]]:
        """The document numbers and weights of each block left, whole: for a reader of every posting."""
        while self.is_active():
            if self._data is None:
                self._read_data()
            yield self._ids, self._weights
            self._next_block()


class CompactCodec(W3Codec):
    """Whoosh's third codec, its postings blocks written and read as arrays.

    Without the field-length bounds of each block (``length_stats``): Whoosh
    reads a document's length for every posting it writes, a third of the
    time of writing a segment, for bounds that only let its top-N search skip
    blocks. Left at zero, a block's best possible score is still a bound
    (BM25 scores a shorter document higher), only a looser one; the archive's
    own evaluation (``search.evaluation``) never skips by them.
    """

    length_stats = False

    def postings_writer(self, dbfile, byteids=False):
        if byteids:  # term vectors, which the archive does not store
            return super().postings_writer(dbfile, byteids)
        return CompactPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return CompactLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)
