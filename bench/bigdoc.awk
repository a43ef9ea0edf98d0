# bench/bigdoc.awk: a generated bulletin of 1,000 sections of 10 paragraphs
# (about 10 MB of Akoma Ntoso), for bench/table.sh: awk -f bigdoc.awk
BEGIN {
	q = "\""
	print "<?xml version=" q "1.0" q " encoding=" q "UTF-8" q "?>"
	print "<akomaNtoso xmlns=" q "http://docs.oasis-open.org/legaldocml/ns/akn/3.0" q ">"
	print "<statement name=" q "bulletin" q "><meta><identification source=" q "#circ" q ">"
	print "<FRBRWork><FRBRthis value=" q "/akn/un/statement/bulletin/2099/BIG/!main" q "/>"
	print "<FRBRuri value=" q "/akn/un/statement/bulletin/2099/BIG" q "/>"
	print "<FRBRdate date=" q "2099-01-01" q " name=" q "issuance" q "/><FRBRauthor href=" q "#sg" q "/>"
	print "<FRBRcountry value=" q "un" q "/><FRBRnumber value=" q "BIG" q " showAs=" q "ST/SGB/2099/99" q "/></FRBRWork>"
	print "</identification></meta><preface><p><docTitle>A bulletin of a thousand sections</docTitle></p></preface><mainBody>"
	for (s = 1; s <= 1000; s++) {
		printf "<section eId=%ssec_%d%s><num>Section %d</num><heading>Heading of section %d</heading>\n", q, s, q, s, s
		for (p = 1; p <= 10; p++) {
			printf "<paragraph eId=%ssec_%d__para_%d-%d%s><num>%d.%d</num><content><p>", q, s, s, p, q, s, p
			for (w = 0; w < 12; w++)
				printf "Le Département de l’appui aux missions fournit des services, voir paragraphe %d.%d. ", s, (p % 10) + 1
			print "</p></content></paragraph>"
		}
		print "</section>"
	}
	print "</mainBody></statement></akomaNtoso>"
}
