# crossrefs.sed: the hand fix applied to circ import's output (see README,
# "How the XML is made"). circ import (as of commit 63509b6) reads
# "paragraph 3.2 of ST/SGB/2010/1" as two citations: "paragraph 3.2", linked
# to the citing document's OWN paragraph 3.2 (#sec_3__para_3-2), and the
# symbol, linked to the other document. This joins the two into one <ref> to
# the part of the other document, WORK-IRI~eId, the form real Akoma Ntoso
# uses (tests/data/akn: ".../bill~art_35"), with the whole phrase as text.
s@<ref href="#\([^"]*\)">\([^<]*\)</ref>\( of \| of bulletin \| de la circulaire \| de l’instruction administrative \)<ref href="\(/akn/[^"]*\)">\([^<]*\)</ref>@<ref href="\4~\1">\2\3\5</ref>@g
# the one the importer left as text, with a warning, because the citing
# document has no paragraph 3.2 of its own
s@paragraph 3\.2 of <ref href="\(/akn/[^"]*\)">\([^<]*\)</ref>@<ref href="\1~sec_3__para_3-2">paragraph 3.2 of \2</ref>@g
