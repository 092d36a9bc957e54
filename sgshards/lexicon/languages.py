"""Which language a caption is written in: word tables of the caption suitability gate's
``not_english`` rule (``text.suitability``).

``ENGLISH_FUNCTION_WORDS``: English closed-class words (``lexicon.function_words``) (articles, prepositions, conjunctions,
pronouns, auxiliaries): a share of them says "English sentence structure".

Web alt-text mixes languages: a shop's title in French ("Chaussures Fille Baskets basses ..."), a
download page in Spanish ("... trucos pc descargar"), a German news line, an Indonesian title.  Two
kinds of words give them away:

- ``OTHER_FUNCTION_WORDS``: articles, prepositions, conjunctions and pronouns ("der", "avec",
  "untuk"), the words every sentence of the language has (the gate leaves out those English writes
  too: "in", "an", "die" stays);
- ``FOREIGN_CONTENT_WORDS``: the common words of shop titles, downloads and news in those languages
  (woman, shoes, house, new, free, buy, download, price, colours, days and seasons), and Russian ones
  in Latin letters ("kupit", "skachat").

No word of ``FOREIGN_CONTENT_WORDS`` is an English word (lemminflect's dictionary or the closed-class table:
tests/text/test_suitability.py checks it), and words that are common names or parts of place names
written in English text were left out ("Grand Prix", "Calvin Klein", "Playa del Carmen", "Lake
Como", "Abu Dhabi", "Angelina Jolie", "Casa Loma", "Mesa Verde").  One such word is no evidence
(a name, a borrowed word); the gate counts them against the English function words.
"""
from __future__ import annotations

from typing import Final

from .function_words import FUNCTION_WORDS, NOT_LANGUAGE_EVIDENCE

# English closed-class words, from the shared list (``lexicon.function_words``) less the words
# it names as no evidence of an English sentence.
ENGLISH_FUNCTION_WORDS: Final = FUNCTION_WORDS - NOT_LANGUAGE_EVIDENCE

OTHER_FUNCTION_WORDS: Final = frozenset("""
de del la las los el y en un una unos unas con para por que es está esta este esto al sin sobre
le les des du et est pour avec dans sur au aux une ce cette ces qui où pas ne plus très chez
der die das und mit für ein eine einer eines dem den von zu im auf ist nicht oder bei aus nach vom zum zur
il lo gli della delle dei di che per nel nella sono questo questa anche
em da do dos das uma com não na no os ao pela pelo
het een en van voor op met niet ook bij naar
yang dan di untuk dengan ini itu dari ke dalam pada
och att för på av som är inte jag
ja ei se että ovat ole
na za od się jest nie
""".split())

FOREIGN_CONTENT_WORDS: Final = frozenset("""
nueva nuevos nuevas mujer mujeres hombre hombres niño niña niños niñas zapatos zapatillas vestido vestidos
ropa bolso bolsos camisa camiseta pantalón pantalones falda chaqueta abrigo gafas reloj relojes pulsera
anillo cocina baño dormitorio jardín muebles silla sillas cama lámpara puerta ventana coche coches precio
precios oferta ofertas venta comprar descargar barato barata baratos mejores imagen imágenes diseño
diseños decoración decoracion desde hasta entre también muy más cómo dónde cuando porque año años día días
noche mañana tarde semana negra roja rojo azul amarillo pequeño pequeña hermoso hermosa bonita trucos
juego juegos libro libros pelicula película peliculas películas vídeo canción música musica boda
cumpleaños navidad
femme femmes homme hommes fille filles garçon enfant enfants chaussures chaussure pantalon jupe veste
manteau lunettes montre bague salle chambre meuble meubles lampe fenêtre voiture chère acheter
télécharger gratuit gratuite nouveau nouvelle nouveaux déco décoration idée idées sans sous
aussi quand pourquoi année jour nuit semaine noire blanche bleue vert verte jaune grise jeu jeux
livre livres chanson musique fête mariage anniversaire vêtements cadeau cadeaux fleurs soldes
frau frauen herren damen männer mädchen schuhe kleid kleider tasche taschen jacke brille uhr kette
küche badezimmer schlafzimmer wohnzimmer garten möbel tisch stuhl stühle bett lampe tür fenster preis
kaufen günstig billig kostenlos neu neue neuer neues bilder ideen ohne über unter auch sehr mehr wie
wann warum jahr jahre tage nacht woche schwarz schwarze weiß weiss weiße blau blaue grün grüne gelb
groß große kleine schön schöne spiele buch bücher musik hochzeit geburtstag weihnachten straße geschenk
geschenke blumen angebot
donne uomo uomini bambino bambina bambini scarpe vestito borsa borse camicia maglia gonna giacca
cappotto occhiali orologio collana anello cucina bagno mobili tavolo sedia sedie letto lampada finestra
macchina prezzo prezzi offerta comprare scaricare gratuito nuova immagini senza sopra sotto molto più
perché anno giorno notte settimana nera bianca rossa giallo grigio piccola gioco giochi canzone
matrimonio compleanno spiaggia regalo regali fiori
mulher mulheres homem homens menino menina crianças sapatos sapato bolsa calça saia jaqueta óculos
relógio colar anel cozinha banheiro móveis cadeira janela carro preço baixar grátis novos imagens
ideias também muito mais porque noite preto preta branca vermelho vermelha amarelo cinza pequeno
jogo jogos filme casamento aniversário cidade presentes
vrouw vrouwen heren kinderen meisje jongen schoenen jurk broek horloge ketting huis keuken badkamer
slaapkamer woonkamer meubels tafel stoel stoelen deur prijs kopen goedkoop nieuw nieuwe afbeelding
zonder onder zeer wanneer waarom zwart zwarte witte blauw blauwe groen groene geel grijs grote kleine
mooi mooie boek boeken liedje muziek bruiloft verjaardag kerst straat bloemen
juga sangat lebih bagaimana membuat jual beli harga murah terbaru gambar
rumah dapur kamar tidur meja kursi pintu jendela mobil wanita pria perempuan baju kaos celana jaket
sepatu kacamata kalung cincin hitam putih merah biru hijau kuning kecil cantik indah pesta pernikahan
ulang tahun pantai gunung hadiah bunga
için nasıl resim fotoğraf kadın erkek çocuk ayakkabı elbise çanta mutfak yatak fiyat satılık
zdjęcie zdjęcia kobieta mężczyzna dziecko sukienka torba kuchnia łóżko kupić tanio nowy
obrázek fotografie žena muž dítě šaty taška dům kuchyně koupit levně nový nová
kvinna skor klänning väska kök säng köpa billig
kupit kupitʹ dlya dlja kartinki kartinka skachat skachatʹ besplatno tsena zhenskie muzhskie detskie novyi
novye
""".split())
