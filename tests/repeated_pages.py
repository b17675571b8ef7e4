"""A development set for the page-structure model, written for it: pages that repeat a
block per entity (nothing there is duplicate text), pages with a summary box (a pull
quote of the body), and pages with real duplicates that must still be reported.

Each page is (name, format, source). Line numbers in the tests count from 1 at the
first line of the source.
"""

from __future__ import annotations

# --- per-entity pages: one section per gym, airline, library, cafe, plan, trail ---------

GYMS = """<html><head><title>Climbing Gyms Around Riverton</title></head><body>
<h1>Climbing Gyms Around Riverton</h1>
<p>Three climbing gyms opened in the valley this year, each with its own rules.</p>
<h2>Northside Boulders</h2>
<p><strong>Day passes sold?</strong> At this gym, day passes cost $18 and include shoes.</p>
<p><strong>Kids welcome?</strong> At this gym, children under twelve climb with an adult.</p>
<p><strong>Dogs allowed?</strong> Dogs are allowed in the lobby.</p>
<p>Showers and lockers are free for every member and for day visitors.</p>
<h2>Granite Hall</h2>
<p><strong>Day passes sold?</strong> At this gym, day passes cost $22 on weekends only.</p>
<p><strong>Kids welcome?</strong> At this gym, children join supervised sessions on Sundays.</p>
<p><strong>Dogs allowed?</strong> Dogs are not allowed in the lobby.</p>
<p>Showers and lockers are free for every member and for day visitors.</p>
<h2>The Crux Room</h2>
<p><strong>Day passes sold?</strong> At this gym, day passes are sold at the front desk.</p>
<p><strong>Kids welcome?</strong> At this gym, children need a signed waiver from a parent.</p>
<p><strong>Dogs allowed?</strong> Only guide dogs may come inside.</p>
<p>Showers and lockers are free for every member and for day visitors.</p>
</body></html>
"""

AIRLINES = """<html><head><title>Cabin Bag Rules of Three Airlines</title></head><body>
<h1>Cabin Bag Rules of Three Airlines</h1>
<p>Bag rules differ a lot between carriers, so we asked each one.</p>
<h2>Skylark Air</h2>
<h3>Carry-on allowance</h3>
<p>One small bag that fits under the seat in front of you is included in every fare.</p>
<h3>Checked bag fee</h3>
<p>The checked bag fee is $35 when you pay online before the day of travel.</p>
<h3>Pets in the cabin</h3>
<p>Small pets in a soft carrier are allowed in the cabin on domestic flights.</p>
<p>Check the rules again before you fly, because fees change at short notice.</p>
<h2>Bluewing</h2>
<h3>Carry-on allowance</h3>
<p>A wheeled bag goes in the overhead bin for free on all routes, even the short ones.</p>
<h3>Checked bag fee</h3>
<p>The checked bag fee is $50 when you pay online before the day of travel.</p>
<h3>Pets in the cabin</h3>
<p>Pets are not allowed in the cabin on any flight, only in the hold.</p>
<p>Check the rules again before you fly, because fees change at short notice.</p>
</body></html>
"""

LIBRARIES = """# Quiet Places to Study: City Libraries

Every branch has wifi, but the hours and the rooms differ.

## Eastgate Branch

**Opening hours:** weekdays from nine to eight, with a late night on Thursday for exam season.

**Study rooms:** four rooms for groups, booked online up to a week ahead of time.

**Printing:** ten pages a day are free with a library card from any branch.

## Harbour Branch

**Opening hours:** weekdays from ten to six, and Saturday mornings from nine to one.

**Study rooms:** one large room for groups, booked online up to a week ahead of time.

**Printing:** ten pages a day are free with a library card from any branch.

## Millbrook Branch

**Opening hours:** every day from eight to ten, the longest hours in the city network.

**Study rooms:** no bookable rooms, but a silent floor with forty desks near the windows.

**Printing:** ten pages a day are free with a library card from any branch.
"""

CAFES = """<html><head><title>Where to Work Remotely in Oldtown</title></head><body>
<h1>Where to Work Remotely in Oldtown</h1>
<h2>Cafes that welcome laptops</h2>
<h3>Bean There</h3>
<p>Laptop friendly? Yes, there are sockets at every table along the back wall.</p>
<p>Wifi speed? Fast enough for video calls most afternoons, slower at lunch.</p>
<p>Noise level? Quiet in the morning, busy after the school run ends.</p>
<h3>Moka House</h3>
<p>Laptop friendly? Yes, there are sockets at every table along the front window.</p>
<p>Wifi speed? Fast enough for video calls most mornings, slower on weekends.</p>
<p>Noise level? Loud music all day, so bring headphones if you need to focus.</p>
<h3>The Reading Room</h3>
<p>Laptop friendly? Only on weekdays, and laptops are banned at weekend brunch.</p>
<p>Wifi speed? Fast enough for video calls most of the day, even at peak times.</p>
<p>Noise level? Quiet all day, with a strict no phone calls rule upstairs.</p>
</body></html>
"""

PHONE_PLANS = """<html><head><title>Prepaid Phone Plans Compared</title></head><body>
<h1>Prepaid Phone Plans Compared</h1>
<h2>Basic Talk</h2>
<p><b>Price:</b> $15 a month, paid in advance with no contract to sign.</p>
<p><b>Data:</b> 5 GB of data, then speeds drop until the next month starts.</p>
<p><b>Roaming:</b> Roaming is included in Canada and Mexico at no extra charge.</p>
<h2>Unlimited Plus</h2>
<p><b>Price:</b> $45 a month, paid in advance with no contract to sign.</p>
<p><b>Data:</b> unlimited data, then speeds drop after 40 GB in a busy area.</p>
<p><b>Roaming:</b> Roaming is not included in Canada and Mexico at any price.</p>
<h2>Family Four</h2>
<p><b>Price:</b> $100 a month for four lines, paid in advance with no contract to sign.</p>
<p><b>Data:</b> 20 GB shared by the four lines, then speeds drop until the month ends.</p>
<p><b>Roaming:</b> Roaming costs $5 a day in Canada and Mexico.</p>
</body></html>
"""

TRAILS = """<html><head><title>Three Hikes Near Pine Lake</title></head><body>
<h1>Three Hikes Near Pine Lake</h1>
<p>These trails suit different legs, so pick by length and by what you bring.</p>
<h2>Ridge Loop</h2>
<p>Dogs on the trail? On this route, dogs must stay on a short lead at all times.</p>
<p>Parking at the start? On this route, the small lot fills before eight on weekends.</p>
<p>The trail is 9 km long and climbs steadily to the fire tower.</p>
<h2>Lakeshore Path</h2>
<p>Dogs on the trail? On this route, dogs may run free outside the nesting season.</p>
<p>Parking at the start? On this route, there is a large paid lot by the boat ramp.</p>
<p>The trail is 4 km long and stays flat along the water.</p>
<h2>Cedar Gorge</h2>
<p>Dogs on the trail? On this route, dogs are banned to protect the ground birds.</p>
<p>Parking at the start? On this route, park in the village and walk up the lane.</p>
<p>The trail is 12 km long and crosses the stream twice on stepping stones.</p>
</body></html>
"""

ENTITY_PAGES = {
    "gyms": ("html", GYMS),
    "airlines": ("html", AIRLINES),
    "libraries": ("markdown", LIBRARIES),
    "cafes": ("html", CAFES),
    "phone_plans": ("html", PHONE_PLANS),
    "trails": ("html", TRAILS),
}

# --- summary boxes: they restate body sentences on purpose ---------------------------------

KEY_TAKEAWAYS = """<html><head><title>Rainwater Barrels for Small Gardens</title></head><body>
<h1>Rainwater Barrels for Small Gardens</h1>
<h2>Key takeaways</h2>
<p>A 200 litre barrel fills after a single heavy summer storm.</p>
<p>Fit a mesh lid so that mosquitoes cannot lay eggs in the water.</p>
<h2>How much water you collect</h2>
<p>Roofs shed more water than most people expect. A 200 litre barrel fills after a single
heavy summer storm. Two barrels joined by a hose double that.</p>
<h2>Keeping the water clean</h2>
<p>Standing water attracts insects. Fit a mesh lid so that mosquitoes cannot lay eggs in
the water. Empty the barrel once a year and scrub the sides.</p>
</body></html>
"""

AT_A_GLANCE = """<html><head><title>Learning to Sail as an Adult</title></head><body>
<h1>Learning to Sail as an Adult</h1>
<p><strong>At a glance</strong></p>
<p>Most clubs lend boats to beginners for the whole first season.</p>
<p>A weekend course covers knots, tacking and what to do after a capsize.</p>
<p>Sailing clubs are friendlier than their prices suggest. Most clubs lend boats to
beginners for the whole first season, so you need no gear at the start.</p>
<p>Start with a course. A weekend course covers knots, tacking and what to do after a
capsize. After that, crew for someone else for a month.</p>
</body></html>
"""

TLDR = """# Why My Sourdough Stopped Rising

The starter was fine, the flour was the same, and still the loaves came out flat. After
two weeks of tests the answer was the kitchen. A cold kitchen slows the yeast far more
than any flour change does.

I moved the dough next to the oven for the first rise. The loaves doubled in four hours
again, and the crumb opened up.

## TL;DR

A cold kitchen slows the yeast far more than any flour change does.
"""

SUMMARY_PAGES = {
    "key_takeaways": ("html", KEY_TAKEAWAYS),
    "at_a_glance": ("html", AT_A_GLANCE),
    "tldr": ("markdown", TLDR),
}

# --- real duplicates: these must still be reported -----------------------------------------

PASTED_PARAGRAPH = """<html><head><title>Repotting a Fig Tree</title></head><body>
<h1>Repotting a Fig Tree</h1>
<p>Water the fig the day before so the root ball slides out of the old pot.</p>
<p>Pick a pot only one size larger, with a drainage hole in the bottom.</p>
<p>Water the fig the day before so the root ball slides out of the old pot.</p>
</body></html>
"""

# a per-entity page whose writer pasted one answer twice inside the same section
PASTED_IN_ONE_ENTITY = GYMS.replace(
    "<p><strong>Kids welcome?</strong> At this gym, children join supervised sessions on "
    "Sundays.</p>\n",
    "<p><strong>Kids welcome?</strong> At this gym, children join supervised sessions on "
    "Sundays.</p>\n<p>Granite Hall keeps its bouldering wall open until midnight on Fridays."
    "</p>\n<p>Granite Hall keeps its bouldering wall open until midnight on Fridays.</p>\n",
)

PASTED_SENTENCE_ACROSS_ASPECTS = """<html><head><title>Heat Pump or Gas Boiler</title></head>
<body>
<h1>Heat Pump or Gas Boiler</h1>
<h2>Running cost</h2>
<p>Electricity prices decide most of the answer. A well insulated house keeps either
system cheap to run through the winter.</p>
<h2>Installation</h2>
<p>A heat pump needs outdoor space. A well insulated house keeps either system cheap to
run through the winter.</p>
</body></html>
"""

PADDED_PHRASE = """Picking a Rain Jacket

A light shell helps walkers make sensible choices about their weekend plans in spring.

Taped seams matter for anyone who wants to make sensible choices about their weekend plans.

The hood is the last check, and it helps buyers make sensible choices about their weekend plans.
"""

DUPLICATE_PAGES = {
    "pasted_paragraph": ("html", PASTED_PARAGRAPH),
    "pasted_in_one_entity": ("html", PASTED_IN_ONE_ENTITY),
    "pasted_sentence_across_aspects": ("html", PASTED_SENTENCE_ACROSS_ASPECTS),
    "padded_phrase": ("text", PADDED_PHRASE),
}
