#!/usr/bin/env python3
"""tests/akn_words.py: the words of an Akoma Ntoso document, as circ must keep them.

Used by tests/corpus.test. Standard library only; no DTD is loaded (the
expat parser of xml.etree reads no external entity).

The text of a document is every text node in document order, except those
under a <meta> element (metadata); attributes are not text. A word is a
maximal run of Unicode letters and digits (the regular expression [^\\W_]+).
Words are cut at the edges of every element that is not inline: "Sec<b>tion</b>"
is one word, "<num>1.1</num><heading>Scope</heading>" is three (1, 1, Scope).
The inline elements are those of the schema's group inlineElements
(akomantoso30.xsd, OASIS Standard 2018); the markers (eol, br, noteRef...)
and the notes cut words, as a line break or a note does on screen.

Usage:
  akn_words.py words FILE.xml       the words of the document, one a line
  akn_words.py text FILE            the words of a plain text (circ --dump), '-': stdin
  akn_words.py nums FILE.xml        how many hierarchical elements outside <meta>
                                    have a <num> child
  akn_words.py long FILE.xml        the first word of 8 letters or more (else the
                                    longest word made of letters)
  akn_words.py missing FILE.xml DUMP
                                    exit 1 and list (first 10) the words of FILE.xml
                                    that DUMP lacks, counted as a multiset
"""
import collections
import re
import sys
import xml.etree.ElementTree as ET

WORD = re.compile(r"[^\W_]+", re.UNICODE)

# inlineElements of akomantoso30.xsd: ANinline, HTMLinline, ANtitleInline,
# ANsemanticInline, ANheaderInline, amendmentInline, inline. embeddedStructure
# (ANinline) is left out: it holds whole blocks; quotedText, the text that a
# mod quotes, is in.
INLINE = frozenset("""
    quotedText ref mref rref mod mmod rmod remark recordedTime vote outcome ins del omissis
    embeddedText opinion placeholder fillIn decoration
    b i a u sub sup abbr span
    docType docTitle docNumber docProponent docDate legislature session shortTitle
    docAuthority docPurpose docCommittee docIntroducer docStage docStatus
    docJurisdiction docketNumber
    date time person organization concept object event location process role term
    quantity def entity
    courtType neutralCitation party judge lawyer signature argument
    affectedDocument relatedDocument change inline
""".split())

# hierElements (ANhier, hcontainer) and speechSection of akomantoso30.xsd:
# the parts of a document's hierarchy.
HIER = frozenset("""
    clause section part paragraph chapter title article book tome division list
    point indent alinea rule subrule proviso subsection subpart subparagraph
    subchapter subtitle subdivision subclause sublist level transitional hcontainer
    administrationOfOath rollCall prayers oralStatements writtenStatements
    personalStatements ministerialStatements resolutions nationalInterest
    declarationOfVote communication petitions papers noticesOfMotion questions
    address proceduralMotions pointOfOrder adjournment debateSection
""".split())


def local(tag):
    """The local name of an element's tag ('' for comments and PIs)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def text_runs(root):
    """The text outside <meta>, as a list of runs: words never span two runs."""
    runs = [[]]

    def cut():
        if runs[-1]:
            runs.append([])

    def walk(e):
        name = local(e.tag)
        if name == "meta" or not name:
            return
        inline = name in INLINE
        if not inline:
            cut()
        if e.text:
            runs[-1].append(e.text)
        for c in e:
            walk(c)
            if c.tail:
                runs[-1].append(c.tail)
        if not inline:
            cut()

    walk(root)
    return ["".join(r) for r in runs if r]


def xml_words(path):
    """Every word of the document's text, in document order."""
    root = ET.parse(path).getroot()
    words = []
    for run in text_runs(root):
        words.extend(WORD.findall(run))
    return words


def plain_words(path):
    """Every word of a plain text file ('-': standard input)."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    return WORD.findall(data.decode("utf-8", errors="replace"))


def count_nums(path):
    """Hierarchical elements outside <meta> that have a <num> child.
    Those inside a quotedStructure or embeddedStructure are not counted:
    they are another text quoted (an amendment's new wording), shown as
    text where it is quoted, not parts of this document."""
    root = ET.parse(path).getroot()
    n = 0
    stack = [root]
    while stack:
        e = stack.pop()
        name = local(e.tag)
        if name in ("meta", "quotedStructure", "embeddedStructure") or not name:
            continue
        if name in HIER and any(local(c.tag) == "num" for c in e):
            n += 1
        stack.extend(e)
    return n


def long_word(words):
    """The first word of 8 letters or more, else the longest one of letters."""
    best = ""
    for w in words:
        if w.isalpha():
            if len(w) >= 8:
                return w
            if len(w) > len(best):
                best = w
    return best


def main(argv):
    out = sys.stdout
    if len(argv) == 3 and argv[1] == "words":
        out.write("".join(w + "\n" for w in xml_words(argv[2])))
    elif len(argv) == 3 and argv[1] == "text":
        out.write("".join(w + "\n" for w in plain_words(argv[2])))
    elif len(argv) == 3 and argv[1] == "nums":
        print(count_nums(argv[2]))
    elif len(argv) == 3 and argv[1] == "long":
        print(long_word(xml_words(argv[2])))
    elif len(argv) == 4 and argv[1] == "missing":
        want = xml_words(argv[2])
        have = collections.Counter(plain_words(argv[3]))
        missing = []
        for w in want:
            if have[w] > 0:
                have[w] -= 1
            else:
                missing.append(w)
        if not missing:
            return 0
        print("%d of %d words of the document are missing from the dump; the first ones:"
              % (len(missing), len(want)))
        for w in missing[:10]:
            print("  " + w)
        return 1
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
