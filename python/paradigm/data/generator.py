"""A seeded generator of short children's stories: the corpus of the embedded demo.

The stories imitate TinyStories: a cast (a child or a named animal, a friend, a parent), a place, an
object, one of ten story arcs (a lost toy, a new friend, a quarrel over sharing, learning to do
something, helping an animal, a warning ignored, a surprise, a storm, a fear overcome, building
something), dialogue in quotes, feelings, and an ending or a moral. Openings vary ("Once upon a
time", "One day", "There was", "Lily and Tom", "In a small town", ...) so that opening-diversity
metrics have something to measure, and the slots are filled at random so that a small model has
real regularities (agreement, pronouns, story shape) to learn.

Everything is drawn from one `random.Random` per stream, so a seed fixes the corpus exactly.
"""

from __future__ import annotations

import random

GIRLS = ["Lily", "Mia", "Sue", "Anna", "Lucy", "Emma", "Zoe", "Ella", "Sara", "Amy", "Rosie", "Kate",
         "Nora", "Ruby", "Daisy", "Molly", "Jane", "Lola", "Grace", "Ivy"]
BOYS = ["Tom", "Ben", "Max", "Sam", "Leo", "Jack", "Tim", "Joe", "Finn", "Jake", "Noah", "Eli",
        "Ollie", "Toby", "Dan", "Bob", "Timmy", "Alex", "Luke", "Henry"]
PET_NAMES = ["Spot", "Fluffy", "Whiskers", "Pip", "Coco", "Buddy", "Bella", "Rex", "Hoppy", "Sunny",
             "Tweety", "Bubbles", "Squeaky", "Patch", "Ziggy", "Benny", "Lulu", "Nibbles", "Fuzzy", "Dot"]
# animal kind -> how it moves (past tense) and the sound it makes
ANIMALS = {
    "dog": ("ran", "barked"), "cat": ("ran", "purred"), "bunny": ("hopped", "squeaked"),
    "bird": ("flew", "sang"), "frog": ("hopped", "croaked"), "duck": ("waddled", "quacked"),
    "mouse": ("ran", "squeaked"), "bear": ("walked", "growled"), "fox": ("ran", "yipped"),
    "owl": ("flew", "hooted"), "squirrel": ("ran", "chattered"), "turtle": ("crawled", "smiled"),
    "pig": ("trotted", "oinked"), "lion": ("walked", "roared"), "puppy": ("ran", "yapped"),
    "kitten": ("ran", "meowed"), "horse": ("galloped", "neighed"), "elephant": ("walked", "trumpeted"),
}
# place -> the preposition that goes with it
PLACES = {
    "park": "in", "garden": "in", "forest": "in", "beach": "at", "farm": "on", "pond": "by",
    "hill": "on", "meadow": "in", "backyard": "in", "playground": "at", "river": "by", "big field": "in",
    "woods": "in", "lake": "by", "orchard": "in", "little village": "in",
}
OBJECTS = ["ball", "kite", "hat", "teddy bear", "toy car", "cup", "rock", "book", "boat", "doll", "drum",
           "balloon", "puzzle", "bike", "shell", "flower", "key", "scarf", "crayon", "wagon", "blanket",
           "toy train", "spoon", "box"]
COLOURS = ["red", "blue", "yellow", "green", "pink", "purple", "white", "brown"]
ADJECTIVES = ["big", "small", "shiny", "soft", "pretty", "new", "round", "funny", "little",
              "special", "bright"]
HERO_TRAITS = ["kind", "happy", "curious", "brave", "shy", "silly", "gentle", "clever", "playful",
               "friendly", "busy", "sleepy"]
WEATHER = ["sunny", "rainy", "windy", "cold", "warm", "cloudy", "snowy", "bright"]
HOBBIES = ["play outside", "draw pictures", "sing songs", "look at the clouds", "run and jump",
           "read books", "play with blocks", "pick flowers", "splash in puddles", "dance"]
PARENTS = ["Mom", "Dad", "Grandma", "Grandpa"]
SKILLS = [("ride a bike", "rode the bike"), ("swim", "swam across the pool"), ("climb the tree",
          "climbed to the top of the tree"), ("jump rope", "jumped the rope ten times"),
          ("tie a shoe", "tied the shoe all alone"), ("fly a kite", "flew the kite high in the sky"),
          ("whistle", "whistled a happy song"), ("skate", "skated all the way around")]
BUILDS = [("a sandcastle", "a big wave came and washed it away"),
          ("a tower of blocks", "the dog ran by and knocked it down"),
          ("a snowman", "the sun came out and melted its head"),
          ("a little house of sticks", "the wind blew and it fell down"),
          ("a cake", "it fell on the floor with a big splat")]
FEARS = [("the dark", "a dark room"), ("thunder", "the loud storm"), ("the big slide", "the big slide"),
         ("the deep water", "the deep water"), ("the tall ladder", "the tall ladder")]
TREATS = ["cookies", "a cake", "an apple pie", "a card", "a picture", "a necklace of flowers"]


class _Cast(dict):
    """The slot values of one story: names, pronouns, place, object. Sentences are format strings."""


def _person(r: random.Random, exclude: str = "") -> dict:
    """A child or a named animal, with pronouns; `exclude` keeps the friend's name apart from the hero's."""
    while True:
        girl = r.random() < 0.5
        if r.random() < 0.6:
            name = r.choice(GIRLS if girl else BOYS)
            kind, move, sound = ("girl" if girl else "boy"), "ran", "laughed"
        else:
            kind = r.choice(list(ANIMALS))
            name = r.choice(PET_NAMES)
            move, sound = ANIMALS[kind]
        if name != exclude:
            break
    he, him, his = ("she", "her", "her") if girl else ("he", "him", "his")
    return {"name": name, "kind": kind, "move": move, "sound": sound, "he": he, "him": him, "his": his}


def _article(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


def _cast(r: random.Random) -> _Cast:
    hero = _person(r)
    friend = _person(r, exclude=hero["name"])
    c = _Cast({k: v for k, v in hero.items()})
    c.update({"f" + k: v for k, v in friend.items()})  # friend slots: {fname}, {fhe}, {fkind}, ...
    c["place"] = r.choice(list(PLACES))
    c["at"] = PLACES[c["place"]]
    c["obj"] = r.choice(OBJECTS)
    c["colour"] = r.choice(COLOURS)
    c["adj"] = r.choice(ADJECTIVES)
    c["trait"] = r.choice(HERO_TRAITS)
    c["weather"] = r.choice(WEATHER)
    c["hobby"] = r.choice(HOBBIES)
    c["parent"] = r.choice(PARENTS)
    c["a_trait"] = _article(c["trait"])
    c["a_kind"], c["a_fkind"] = _article(c["kind"]), _article(c["fkind"])
    c["He"], c["His"] = c["he"].capitalize(), c["his"].capitalize()
    c["Fhe"], c["Fhis"] = c["fhe"].capitalize(), c["fhis"].capitalize()
    return c


def _say(r: random.Random, c: _Cast, *variants: str) -> str:
    return r.choice(variants).format(**c)


def _opening(r: random.Random, c: _Cast) -> list[str]:
    first = _say(
        r, c,
        "Once upon a time, there was {a_trait} {kind} named {name}.",
        "Once upon a time, {a_trait} little {kind} named {name} lived near the {place}.",
        "One day, {name} went to the {place} with {his} {colour} {obj}.",
        "One {weather} morning, {name} woke up and looked out of the window.",
        "There was {a_kind} named {name} who loved to {hobby}.",
        "There once was {a_trait} {kind} called {name}.",
        "{name} and {fname} were best friends.",
        "{name} and {fname} liked to play {at} the {place} every day.",
        "In a small town, there lived {a_trait} {kind} named {name}.",
        "Long ago, in a quiet {place}, there lived {a_kind} called {name}.",
        "It was a {weather} day, and {name} wanted to {hobby}.",
        "{name} was {a_trait} {kind} who lived {at} the {place}.",
        "Every morning, {name} the {kind} liked to {hobby}.",
        "On a {weather} afternoon, {name} found a {adj} {obj} {at} the {place}.",
    )
    second = _say(
        r, c,
        "{He} had a {colour} {obj} that {he} loved very much.",
        "{His} best friend was {a_fkind} named {fname}.",
        "{He} was always happy when the sun was out.",
        "{He} liked to play with {fname} {at} the {place}.",
        "Everyone in the town knew {him} because {he} always smiled.",
        "{He} loved {his} {adj} {colour} {obj} more than anything.",
    )
    return [first, second]


def _lost_object(r, c):
    return [
        _say(r, c, "One day, {name} could not find {his} {obj}.",
             "But one morning, the {colour} {obj} was gone!",
             "Then {name} looked around, but {his} {obj} was not there."),
        _say(r, c, "{He} looked under the bed and behind the door.",
             "{He} looked {at} the {place} and in the kitchen.",
             "{He} searched everywhere, but {he} could not see it."),
        _say(r, c, "{name} felt very sad and started to cry.", "{name} was sad. {His} eyes were wet."),
        _say(r, c, "{fname} saw {him} and asked, \"Why are you sad, {name}?\"",
             "\"What is wrong?\" asked {fname}."),
        _say(r, c, "\"I lost my {obj},\" said {name}. \"Can you help me find it?\"",
             "\"My {obj} is lost,\" {name} said. \"I miss it so much.\""),
        _say(r, c, "\"Yes, I will help you!\" said {fname}.", "\"Do not worry. We can look together,\" said {fname}."),
        _say(r, c, "They looked high and low.", "They walked to the {place} and looked in the grass.",
             "They looked behind a big tree and under a rock."),
        _say(r, c, "At last, {fname} found the {obj} near a bush.",
             "Then {name} saw something {colour}. It was the {obj}!",
             "Soon they found it in a box by the door."),
        _say(r, c, "{name} hugged {fname} and said, \"Thank you!\"", "{name} was so happy. {He} jumped up and down."),
    ], r.choice(["friends help each other", "it is good to ask for help",
                 "a good friend is always there for you"])


def _new_friend(r, c):
    return [
        _say(r, c, "{name} went to the {place} to play, but {he} was all alone.",
             "One day, {name} felt lonely because there was no one to play with."),
        _say(r, c, "Then {he} saw a little {fkind} sitting by a tree.",
             "Suddenly, {a_fkind} {fmove} out from behind a rock.",
             "{He} heard a small sound and saw {a_fkind}."),
        _say(r, c, "The {fkind} looked shy and a little scared.", "The {fkind} looked at {name} with big eyes."),
        _say(r, c, "\"Hello, I am {name},\" {he} said. \"What is your name?\"",
             "\"Hi! Do you want to play with me?\" asked {name}."),
        _say(r, c, "\"My name is {fname},\" said the {fkind}.", "The {fkind} {fsound} and said, \"I am {fname}.\""),
        _say(r, c, "They played with the {obj} all day long.", "They ran and jumped and laughed together.",
             "They played hide and seek {at} the {place}."),
        _say(r, c, "When the sun went down, {fname} said, \"Can we play again tomorrow?\"",
             "At the end of the day, they were tired but happy."),
        _say(r, c, "\"Yes!\" said {name} with a big smile.", "{name} was not lonely anymore."),
    ], r.choice(["it is good to be friendly", "a new friend can be found anywhere",
                 "saying hello can make a new friend"])


def _sharing(r, c):
    return [
        _say(r, c, "One day, {name} and {fname} both wanted to play with the {colour} {obj}.",
             "{fname} came over and saw {name}'s new {obj}."),
        _say(r, c, "\"It is mine!\" said {name}. \"You cannot have it.\"",
             "\"I want it!\" shouted {fname}, and {fhe} pulled the {obj}."),
        _say(r, c, "They pulled and pulled, and then they both fell down.",
             "They started to fight, and {fname} began to cry."),
        _say(r, c, "{parent} heard the noise and came to see.", "{parent} saw them and shook {his} head."),
        _say(r, c, "\"Why don't you take turns?\" asked {parent}.",
             "\"If you share, you can both have fun,\" said {parent}."),
        _say(r, c, "{name} thought about it and said, \"Okay, you can go first.\"",
             "{name} felt sorry. {He} gave the {obj} to {fname}."),
        _say(r, c, "{fname} smiled and said, \"Thank you, {name}!\"",
             "Soon they were playing together and laughing."),
        _say(r, c, "Playing together was more fun than playing alone.", "They were friends again."),
    ], r.choice(["sharing is caring", "it is more fun to play together", "taking turns makes everyone happy"])


def _learn_skill(r, c):
    skill, done = r.choice(SKILLS)
    c = _Cast(c, skill=skill, done=done)
    return [
        _say(r, c, "{name} wanted to learn to {skill}.", "More than anything, {name} wished {he} could {skill}."),
        _say(r, c, "{He} tried, but it was very hard.", "The first time {he} tried, {he} fell down.",
             "{He} tried once, but it did not work."),
        _say(r, c, "\"I can't do it,\" {name} said, and {he} felt sad.",
             "{name} was angry. \"This is too hard!\" {he} said."),
        _say(r, c, "{parent} sat down next to {him}. \"Try again, slowly,\" {parent} said.",
             "{fname} said, \"Don't give up! I will help you.\""),
        _say(r, c, "So {name} tried again, and again, and again.", "Every day, {name} practiced after lunch."),
        _say(r, c, "One day, {he} finally {done}!", "At last, {name} {done}!"),
        _say(r, c, "\"I did it!\" {he} shouted.", "Everyone clapped and cheered for {him}."),
        _say(r, c, "{name} felt proud and happy.", "{He} smiled the biggest smile."),
    ], r.choice(["if you keep trying, you can do hard things", "practice helps you learn",
                 "never give up"])


def _help_animal(r, c):
    return [
        _say(r, c, "One day, {name} heard a sad sound {at} the {place}.",
             "While walking {at} the {place}, {name} saw something strange."),
        _say(r, c, "It was a little {fkind}. {Fhis} leg was stuck under a branch.",
             "A small {fkind} was caught in a net and could not get out.",
             "A baby {fkind} was lost and crying."),
        _say(r, c, "\"Help me, please!\" said the {fkind}.", "The {fkind} looked scared and cold."),
        _say(r, c, "{name} was a little scared too, but {he} wanted to help.",
             "\"Don't worry, I will help you,\" said {name}."),
        _say(r, c, "{He} moved the branch very slowly.", "{He} pulled gently until the {fkind} was free.",
             "{He} carried the {fkind} home to {fhis} mom."),
        _say(r, c, "The {fkind} {fsound} with joy.", "\"Thank you, thank you!\" said the {fkind}."),
        _say(r, c, "From then on, the {fkind} came to visit {name} every day.",
             "{name} felt warm inside because {he} had been kind."),
    ], r.choice(["being kind is important", "helping others makes you happy too",
                 "even a small friend can need a big help"])


def _disobey(r, c):
    return [
        _say(r, c, "{parent} said, \"Do not play with your {obj} near the {place}. It is not safe.\"",
             "\"Stay close to me,\" {parent} told {name}. \"Do not run off.\""),
        _say(r, c, "But {name} did not listen.", "{name} nodded, but {he} wanted to have fun.",
             "{name} thought, \"Just one time will be okay.\""),
        _say(r, c, "{He} {move} far away to play.", "{He} threw the {obj} very high."),
        _say(r, c, "Oh no! The {obj} fell into the mud.", "Suddenly, {he} slipped and hurt {his} knee.",
             "Soon {he} could not see {parent} anymore."),
        _say(r, c, "{name} started to cry. {He} felt scared and sorry.",
             "{name} was sad. {He} wished {he} had listened."),
        _say(r, c, "{parent} came running and gave {him} a big hug.", "{parent} found {him} and held {his} hand."),
        _say(r, c, "\"I am sorry,\" said {name}. \"I will listen next time.\"",
             "\"I should have listened to you,\" said {name}."),
        _say(r, c, "{parent} smiled. \"I know you will,\" {parent} said.", "{parent} kissed {his} head."),
    ], r.choice(["it is important to listen to your parents", "rules help keep us safe",
                 "saying sorry makes things better"])


def _surprise(r, c):
    treat = r.choice(TREATS)
    c = _Cast(c, treat=treat)
    return [
        _say(r, c, "It was {parent}'s birthday, and {name} wanted to make a surprise.",
             "{name} wanted to do something nice for {fname}."),
        _say(r, c, "{He} decided to make {treat}.", "{He} had an idea: {he} would make {treat}!"),
        _say(r, c, "{He} worked very hard all morning.", "{fname} helped {him}, and they worked together.",
             "It was messy, but {he} did not stop."),
        _say(r, c, "Some things went wrong, but {he} fixed them.", "{He} used {his} {colour} crayons to make it pretty."),
        _say(r, c, "When it was ready, {he} hid it behind {his} back.", "At last, it was done. It looked {adj} and nice."),
        _say(r, c, "\"Surprise!\" shouted {name}.", "{name} said, \"This is for you!\""),
        _say(r, c, "{parent} was so happy and gave {name} a big hug.",
             "Everyone smiled. It was the best day ever."),
    ], r.choice(["giving is as good as getting", "a gift made with love is the best gift",
                 "making others happy makes you happy"])


def _storm(r, c):
    return [
        _say(r, c, "{name} and {fname} went on an adventure to the {place}.",
             "One {weather} day, {name} and {fname} went for a long walk to the {place}."),
        _say(r, c, "They saw tall trees, pretty flowers and a {adj} {obj}.",
             "They saw birds, bugs and a little stream."),
        _say(r, c, "Then the sky got dark, and the wind began to blow.",
             "Suddenly, big gray clouds came, and it started to rain."),
        _say(r, c, "Boom! The thunder was very loud.", "The rain fell harder and harder."),
        _say(r, c, "\"We need to find a safe place,\" said {fname}.", "{name} was scared. \"What do we do?\" {he} asked."),
        _say(r, c, "They hid in a small cave until the storm was over.",
             "They ran under a big tree and held hands."),
        _say(r, c, "When the sun came back, they saw a rainbow in the sky.",
             "Soon the rain stopped, and everything was wet and shiny."),
        _say(r, c, "They went home and told {parent} all about it.", "They walked home, tired and happy."),
    ], r.choice(["it is good to stay together when things are scary", "after the rain comes the sun",
                 "being brave is easier with a friend"])


def _fear(r, c):
    fear, thing = r.choice(FEARS)
    c = _Cast(c, fear=fear, thing=thing)
    return [
        _say(r, c, "{name} was afraid of {fear}.", "There was one thing {name} did not like: {fear}."),
        _say(r, c, "Every time {he} saw {thing}, {he} wanted to run away.", "It made {his} tummy feel funny."),
        _say(r, c, "One day, {fname} said, \"There is nothing to be scared of. I will be with you.\"",
             "\"I was scared too, once,\" said {fname}. \"Let me show you.\""),
        _say(r, c, "{name} took a deep breath.", "{name} held {fname}'s hand tight."),
        _say(r, c, "Slowly, {he} went closer to {thing}.", "{He} counted to three and did not look away."),
        _say(r, c, "It was not so bad after all!", "Nothing bad happened. It was even a little fun."),
        _say(r, c, "\"I did it! I am brave!\" said {name}.", "{name} laughed, and {fname} laughed too."),
    ], r.choice(["being brave means trying even when you are scared", "a friend can help you be brave",
                 "things are often less scary than they seem"])


def _build(r, c):
    thing, ruin = r.choice(BUILDS)
    c = _Cast(c, thing=thing, ruin=ruin)
    return [
        _say(r, c, "One day, {name} made {thing}.", "{name} and {fname} worked hard to make {thing}."),
        _say(r, c, "It was tall and {adj}, and {name} was very proud.", "They used everything they could find."),
        _say(r, c, "But then {ruin}.", "Just when it was finished, {ruin}."),
        _say(r, c, "\"Oh no!\" cried {name}. \"It is all gone!\"", "{name} felt like crying."),
        _say(r, c, "{fname} said, \"Let's make it again, even better!\"", "{parent} said, \"You can build it again.\""),
        _say(r, c, "So they started again, and this time they worked together.",
             "They tried again, and it was even bigger than before."),
        _say(r, c, "When they were done, they clapped their hands.", "The new one was the best of all."),
    ], r.choice(["when something breaks, you can try again", "working together makes things better",
                 "do not give up when things go wrong"])


ARCS = (_lost_object, _new_friend, _sharing, _learn_skill, _help_animal, _disobey, _surprise, _storm,
        _fear, _build)


def _ending(r: random.Random, c: _Cast, moral: str) -> list[str]:
    c = _Cast(c, moral=moral)
    endings = [
        ["{name} learned that {moral}."],
        ["From that day on, {name} and {fname} were the best of friends."],
        ["And they all lived happily ever after."],
        ["That night, {name} went to bed with a smile.", "{He} knew that {moral}."],
        ["The end."],
        ["{parent} said, \"Remember, {moral}.\"", "{name} nodded and smiled."],
        ["{name} never forgot that day."],
        [],  # some stories just stop, as many TinyStories do
    ]
    return [s.format(**c) for s in r.choice(endings)]


def _sometimes(r: random.Random, c: _Cast) -> list[str]:
    """A descriptive sentence now and then, so that the arcs do not all have the same length."""
    if r.random() < 0.5:
        return []
    return [_say(r, c, "The sun was warm and the birds were singing.", "The air smelled of flowers.",
                 "It was a {weather} day.", "{fname} was there too.", "{He} hummed a little song.",
                 "The {place} was quiet and green.")]


def generate_story(r: random.Random) -> str:
    c = _cast(r)
    opening = _opening(r, c)
    body, moral = r.choice(ARCS)(r, c)
    ending = _ending(r, c, moral)
    # two or three paragraphs, newline-separated as in TinyStories-train.txt
    cut = max(1, len(body) // 2 + r.randint(-1, 1))
    paragraphs = [opening + _sometimes(r, c) + body[:cut], body[cut:] + ending]
    return "\n".join(" ".join(p) for p in paragraphs if p)


def generate_stories(n: int, seed: int, stream: str = "train") -> list[str]:
    """`n` stories, fixed by (`seed`, `stream`); different streams (train, validation) do not overlap in draws."""
    r = random.Random(f"paradigm-stories:{seed}:{stream}")  # a str seed is hashed with SHA-512: stable everywhere
    return [generate_story(r) for _ in range(n)]
