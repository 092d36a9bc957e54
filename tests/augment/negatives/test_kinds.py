"""Contrasts for nouns nothing else replaces (negatives/kinds.py), on real CC3M captions that had
no negative: a category word takes a thing of another category, a sport another sport, a season
of a time noun the graph keeps no object of its far end, CC3M's "automobile model" a motorcycle;
never inside a compound, an idiom or a list, nor where the contrast is named already."""
from sgshards.augment.negatives.object_replace import object_replace
from tests.augment.negatives.common import every


def test_a_category_word_takes_a_thing_of_another_category(surface):
    assert "a view of the bridge" in every(object_replace, surface("a view of the building"))
    assert "high angle view of a statue" in every(object_replace, surface("high angle view of a plant"))
    assert "handmade illustration of a butterfly" in every(object_replace, surface("handmade illustration of a bird"))
    assert "horse along the border wall" in every(object_replace, surface("vehicle along the border wall"))


def test_no_category_contrast_in_a_compound_a_factory_or_an_idiom(surface):
    def kinds(caption):
        return {t for t in every(object_replace, surface(caption))
                if any(w in t.split() for w in ("bridge", "bridges", "statue", "statues", "butterfly", "horse"))}
    assert not kinds("a rendering of the planned office building .")       # "office bridge"
    assert not kinds("next to the nuclear plant")                          # a factory
    assert not kinds("hospitality business also boasts a bird 's eye view")
    assert not kinds("artist 's concept of animal and plant life on an alien planet .")
    assert not kinds("a view of the building from the bridge")            # the contrast is there


def test_a_sport_takes_another_sport(surface):
    assert "images from the girls baseball game ." in every(object_replace, surface("images from the girls basketball game ."))
    assert "into action at the basketball court" in every(object_replace, surface("into action at the tennis court"))
    assert "plays tennis at the course on the outskirts" in every(
        object_replace, surface("plays golf at the course on the outskirts"))
    assert "basketball team will play for the first time next season" in every(
        object_replace, surface("football team will play for the first time next season"))


def test_no_sport_contrast_in_a_compound_sport_or_a_list(surface):
    def sports(caption):
        return {t for t in every(object_replace, surface(caption))
                if any(w in t.split() for w in ("basketball", "baseball", "tennis", "football", "golf"))}
    assert not sports("ice hockey team celebrates")                       # "ice basketball"
    listed = every(object_replace, surface("football and baseball games"))  # a list of sports
    assert "football and basketball games" not in listed and "basketball and baseball games" not in listed
    assert "soccer" not in " ".join(every(object_replace, surface("football team will play next season")))


def test_a_season_of_a_time_noun_outside_the_graph(surface):
    assert "the harbour on a winter day" in every(object_replace, surface("the harbour on a summer day"))
    assert "a narrowboat on a cold summer day" in every(object_replace, surface("a narrowboat on a cold winter day"))
    assert "morning view of the rooftops" in every(object_replace, surface("night view of the rooftops"))
    # a list of times, or the contrast said already
    assert not any("winter" in t for t in every(object_replace, surface("cowboy boots are a major hit for spring and summer !")))
    assert not any(" summer day" in t for t in every(object_replace, surface("from winter to summer on a winter day")))


def test_automobile_model_takes_a_motorcycle(surface):
    assert "a motorcycle with extra low miles" in every(object_replace, surface("automobile model with extra low miles"))
    assert "a motorcycle was abandoned over the weekend" in every(
        object_replace, surface("automobile model was abandoned over the weekend"))
    assert not any("a motorcycle" in t for t in every(object_replace, surface("we modify all kinds of automobile make are power")))


def test_no_category_contrast_where_the_contrast_may_be_in_the_scene(surface):
    """A bridge by a highway, a butterfly on flowers are most likely in such a picture too; an
    idiom names no bird."""
    assert "the bridge and the highway" not in every(object_replace, surface("the building and the highway"))
    assert not any("butterfly" in t for t in every(object_replace, surface("the early bird catches the worm !")))


def test_the_weather_of_a_day_outside_the_graph(surface):
    """CC3M captions with no negative (issue 15c coverage): a day is cloudy or sunny in one picture;
    snow or wet lie under any sky, a list or the contrast's weather said already blocks it."""
    assert "neighborhood on a sunny day" in every(object_replace, surface("neighborhood on a cloudy day"))
    assert "royal gate during a rainy day" in every(object_replace, surface("royal gate during a sunny day"))
    assert "futurist structure on a sunny day" in every(object_replace, surface("futurist structure on an overcast day"))
    assert not any("sunny" in t for t in every(object_replace, surface("an angler fishes river on a snowy day .")))
    assert not any("rainy" in t for t in every(object_replace, surface("the sun shines on a clear day")))


def test_a_city_takes_a_village_and_a_figure_another_figure(surface):
    """CC3M captions with no negative (issue 15 coverage): "city", "town" and "village" share one
    curated group, and a figure has no sibling group; a city is no village, a circle no square."""
    assert "it's located in a crowded - industrial village" in every(
        object_replace, surface("it's located in a crowded - industrial city"))
    assert "the most beautiful villages to visit" in every(object_replace, surface("the most beautiful cities to visit"))
    assert "ribbon in the shape of a square" in every(object_replace, surface("ribbon in the shape of a circle"))
    assert "the fall of realistic cubes." in every(object_replace, surface("the fall of realistic spheres."))
    # an idiom's noun, and a contrast of the kind named already
    assert not every(object_replace, surface("tv personality celebrates in the winners circle ."))
    assert not any("city" in t for t in every(object_replace, surface("the village and the city")))


def test_a_home_takes_a_bridge_never_in_an_idiom(surface):
    """A home may be any building ("home" is a category word, ``vocab.CATEGORY_GENERIC``), none is
    a bridge; "at home", "welcome home", "home sweet home" name no building."""
    assert "a view from the bridge" in every(object_replace, surface("a view from the home"))
    assert "a line of brightly coloured bridges" in every(object_replace, surface("a line of brightly coloured homes"))
    for caption in ("the crammed marina at home .", "welcome home", "home sweet home", "the home by the river",
                    "making a house a home"):
        assert not any("bridge" in t for t in every(object_replace, surface(caption))), caption


def test_a_bare_material_takes_another_material(surface):
    """CC3M captions with no negative (issue 15 coverage): a material said as a bare noun after
    "of", "from" or "in" is the stuff of a thing; "a glass" is a vessel, "glass door" a modifier."""
    assert "a signed piece of wood" in every(object_replace, surface("a signed piece of glass"))
    assert "a rusting piece of wood" in every(object_replace, surface("a rusting piece of metal"))
    assert "a pile of metal for making charcoal" in every(object_replace, surface("a pile of wood for making charcoal"))
    assert not every(object_replace, surface("a glass of water"))


def test_no_bridge_for_a_home_of_someone_or_a_smart_home(surface):
    assert not any("bridge" in t for t in every(object_replace, surface("the former home of rhythm and blues artist")))
    assert not any("bridge" in t for t in every(object_replace, surface("betting on the future of the smart home")))


def test_a_side_of_a_thing_takes_its_opposite(surface):
    """CC3M captions with no negative (issue 15 coverage): "the front", "the interior" of a thing
    take its other side; not in a compound ("the front door"), nor said alone ("the back"; and a bare
    "from the front" is a point of view, no object: lexicon/words.BARE_DIRECTIONS)."""
    assert "the back of the old house" in every(object_replace, surface("the front of the old house"))
    assert not every(object_replace, surface("a-d image showing a human skull from the front ."))
    assert "the exterior of the church" in every(object_replace, surface("the interior of the church"))
    assert not any("back door" in t for t in every(object_replace, surface("the front door of the house")))


def test_no_figure_contrast_after_a_noun(surface):
    """"ice cubes" are a kind of ice, "ice spheres" another: a noun before the figure names its kind."""
    assert not any("spheres" in t for t in every(object_replace, surface("whisky being poured in a glass with ice cubes")))
