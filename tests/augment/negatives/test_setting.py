"""The setting of a scene (object_replace): times of day and seasons replaced by the other end of
the day or year, elements by one that cannot be where they were,
on real CC3M caption shapes; never a neighbouring time, a name, an idiom or a list of times."""
from sgshards.augment.negatives.object_replace import object_replace
from tests.augment.negatives.common import every


def test_time_of_day_takes_the_far_end(surface):
    """CC3M: a time was an object no negative could edit ("the church tower lit up at night")."""
    assert "the church tower lit up at noon" in every(object_replace, surface("the church tower lit up at night"))
    assert "sunrise at the historic pier ." in every(object_replace, surface("sunset at the historic pier ."))
    assert "the skyline photographed at dawn" in every(object_replace, surface("the skyline photographed at dusk"))
    texts = every(object_replace, surface("silhouette illustration of couples jogging in the morning"))
    assert "silhouette illustration of couples jogging in the evening" in texts
    # a time of a weekday keeps its weekday; an article follows the new word
    assert "an overturned vehicle shut down lanes late tuesday evening ." in every(
        object_replace, surface("an overturned vehicle shut down lanes late tuesday morning ."))
    assert "crowds enjoying a morning" in every(object_replace, surface("crowds enjoying an afternoon"))


def test_seasons_and_season_modifiers(surface):
    assert "aerial view of a village in summer" in every(object_replace, surface("aerial view of a village in winter"))
    assert "soaking up the summer sun ." in every(object_replace, surface("soaking up the winter sun ."))
    assert "stylish ways to wear trench coat this spring" in every(
        object_replace, surface("stylish ways to wear trench coat this fall"))


def test_no_time_contrast_where_it_would_not_be_false_or_fluent(surface):
    def times(caption):
        return {t for t in every(object_replace, surface(caption))
                if any(w in t.split() for w in ("noon", "morning", "evening", "summer", "winter", "autumn",
                                                "spring", "sunrise", "sunset", "dawn", "dusk", "day"))}
    assert not times("drinking water from a spring")              # a spring of water
    assert not times("cowboy boots are a major hit for spring and summer !")   # a list of times
    assert not times("psychedelic rock artist last night")        # "last morning"
    assert not times("night falls early at this time of year , but the city glows .")
    assert not times("going on a run , in the dead of winter !")
    assert not times("great for a night out in the cooler fall months !")
    assert not times("my drawing of princess winter , the scars are there")     # a name
    # a time said twice: changing one contradicts the other
    assert not any("winter" in t and "summer" in t for t in every(object_replace, surface(
        "winter public transport in the winter on a snowy day .")))
    assert not times("from sunrise to sunset")


def test_elements_take_one_that_cannot_be_there(surface):
    """CC3M: the water, sky, snow or rain a scene is in was no object any negative could edit."""
    assert "the flock of geese enters the sand" in every(object_replace, surface("the flock of geese enters the water"))
    assert "telescope silhouetted against a dramatic evening sea" in every(
        object_replace, surface("telescope silhouetted against a dramatic evening sky"))
    assert "walking through the deep sand ." in every(object_replace, surface("walking through the deep snow ."))
    assert "people waiting for a train in the sand" in every(
        object_replace, surface("people waiting for a train in the snow"))


def test_no_element_contrast_in_of_phrases_compounds_idioms_or_snowfall(surface):
    def elements(caption):
        return {t for t in every(object_replace, surface(caption)) if any(
            w in t.split() for w in ("sand", "sea", "snow", "rain"))}
    assert not elements("dream about bodies of water")
    assert not elements("waking up to the sound of rain is the best feeling")
    assert not elements("sparkling bubbles water with a slice of lime .")
    assert not elements("headed to shore for a water - side botanical exploration")
    assert not elements("a hardy fisherman braves heavy snow to fish at the estuary")   # snowfall, not ground
    assert not elements("the company is in hot water")
    # at a beach the water's edge may be sand: no sand for water there; sails are seen against the sea too
    assert not elements("kids playing in the water at the beach")
    assert not elements("bright sails against a blue sky")


def test_occasions_and_kinds_of_place(surface):
    """CC3M: "performs at the festival", "a panoramic view of the city" had no negative."""
    assert "the dance performed during the funeral" in every(
        object_replace, surface("the dance performed during the festival"))
    assert "family fun at the funeral ." in every(object_replace, surface("family fun at the parade ."))
    assert "a panoramic view of the forest" in every(object_replace, surface("a panoramic view of the city"))
    assert "why is this funeral so perfect ?" in every(object_replace, surface("why is this wedding so perfect ?"))

    def swapped(caption):
        return {t for t in every(object_replace, surface(caption)) if "funeral" in t or "forest" in t}
    assert not swapped("the capital is an incredible city !")         # "an incredible forest"
    assert not swapped("best party of the year !")
    assert not swapped("carnival or circus themed birthday cake for less then $10 !")
    assert not swapped("fans gather at the music festival")          # a compound keeps its head
    assert all("during festival at festivals" in t for t in swapped(     # said twice: kept
        "model attends premiere during festival at festivals"))


def test_day_part_modifiers_of_what_the_hour_shows(surface):
    assert "morning view from the villa" in every(object_replace, surface("night view from the villa"))
    assert not any("morning club" in t for t in every(object_replace, surface("the night club on the corner")))


def test_a_realised_positive_takes_no_contrast_the_caption_names(parse):
    """"children playing in the water" of "children play in the water and on the sand" is no negative
    "children playing in the sand": the picture shows sand (the realised positive alone does not say
    it; the caption's graph does)."""
    from sgshards.augment.core import augment
    from sgshards.graph import build_graph
    doc = parse("children play in the water and on the sand")
    for key in range(20):
        _, negatives = augment(f"k{key}", doc, build_graph(doc))
        assert not any(e.before == "water" and e.after == "sand" for n in negatives for e in n.edits)


def test_no_contrast_after_a_negation_or_in_a_place_idiom(surface):
    """"plants are without water" -/-> "without sand" (maybe there is none either); "across town",
    "in part of town" -/-> "across forest" (an idiom wants its bare noun)."""
    def contrasted(caption):
        return {t for t in every(object_replace, surface(caption)) if "sand" in t or "forest" in t}
    assert not contrasted("plant droops are without water")
    assert not contrasted("the hotel pool across town")
    assert not contrasted("young couple is hugging in part of town")


def test_sides_of_a_thing_seen(surface):
    """CC3M: "interior of the cathedral", "the front of the building" had no negative."""
    assert "exterior of the cathedral , italian comune" in every(
        object_replace, surface("interior of the cathedral , italian comune"))
    assert "landscape decorates the back of the building" in every(
        object_replace, surface("landscape decorates the front of the building"))
    assert "the bottoms of the mountains were capped with snow ." in every(
        object_replace, surface("the tops of the mountains were capped with snow ."))
    assert not any("bottom" in t for t in every(object_replace, surface("a cat sleeping on top of the car")))
    assert not any("back" in t for t in every(object_replace, surface("a woman wearing a black top")))


def test_no_mass_element_for_a_plural_subject_of_a_verb(surface):
    """heldout3 CC3M "the clear blue waters await." -> "the clear blue sand await.": a mass word in
    place of a plural subject leaves its verb plural."""
    assert not any("sand" in t for t in every(object_replace, surface("the clear blue waters await.")))
    assert "fishing boat in the calm sand" in every(object_replace, surface("fishing boat in the calm waters"))
