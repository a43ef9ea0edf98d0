# bench/bigtext.awk: the published text of a generated bulletin of 999
# sections of 10 paragraphs (about 10 MB, 120,000 citations), for
# bench/import.sh: awk -f bigtext.awk (999: a paragraph's section has at
# most three digits)
BEGIN {
	print "ST/SGB/2099/99"
	print ""
	print "Circulaire du Secrétaire général"
	print ""
	print "Une circulaire de mille sections"
	print ""
	print "Le Secrétaire général, aux fins de la mesure des performances, promulgue ce qui suit :"
	for (s = 1; s <= 999; s++) {
		printf "\nSection %d\nIntitulé de la section %d\n", s, s
		for (p = 1; p <= 10; p++) {
			printf "\n%d.%d ", s, p
			for (w = 0; w < 12; w++)
				printf "Le Département de l’appui aux missions fournit des services, voir paragraphe %d.%d. ", s, (p % 10) + 1
			print ""
		}
	}
	print "\nLe Secrétaire général\n(Signé) A. N. Exemple"
}
