"""Build the container-format sample inputs (.txt.gz, .jsonl, .warc.gz) deterministically.

Run from the repository root:  .venv/bin/python examples/.build/build_containers.py
It lives in a hidden folder because `presswatch analyze examples/` reads every non-hidden file as input.
The outputs are committed; re-running must give byte-identical files (fixed dates, ids, gzip mtime 0).
The articles are our own writing. Passages wrapped in {{ML2:...}} are stored as UTF-8 that was
mis-read as Mac Central European (the damage the clean layer must repair); {{MR:...}} as Mac Roman.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent  # examples/

# --------------------------------------------------------------------------- 05: gzip'd plain text

EXODUS_GZ = """Sunday 25 September 2022 09:05 PM Miles of cars at Upper Lars as Russian men race to Georgia before ... trends now

Sunday 25 September 2022 09:05 PM Miles of cars at Upper Lars as Russian men race to Georgia before ... trends now
Sunday 25 September 2022 09:05 PM Miles of cars at Upper Lars as Russian men race to Georgia before ... trends now

Sunday 25 September 2022 09:05 PM Miles of cars at Upper Lars as Russian men race to Georgia before ... trends now

Thousands of Russian men of fighting age were stuck for a fourth day on the mountain road to Georgia today, sleeping in their cars and abandoning them to walk the last miles to the border rather than wait to be called up.

The queue on the Russian side of the Upper Lars crossing, the only road link between the two countries, stretched for more than ten miles through the Darial gorge, according to drivers who posted videos from the road.

{{ML2:An official in North Ossetia told Russian news agencies there was ‘significant congestion’ of private cars waiting to leave – ‘around 2,300’ vehicles – and that extra staff had been sent to the checkpoint. Drivers said the real figure was far higher because many had already left their cars and gone on foot.}}

‘We have been here since Thursday night. There is no food left in the villages, people are selling water for 500 roubles a bottle,’ said one man from Samara, who did not want to be named. ‘I am not going to kill Ukrainians. I would rather sleep in the snow.’

A man pushes a bicycle past a line of stationary cars near the Upper Lars checkpoint on the Russian–Georgian border

A man pushes a bicycle past a line of stationary cars near the Upper Lars checkpoint on the Russian–Georgian border

Some in the queue had bought bicycles and scooters in Vladikavkaz because pedestrians are not allowed through the crossing on foot, and local residents were said to be charging drivers to jump the line.

{{ML2:Georgia’s interior ministry said the number of Russians entering the country had roughly doubled since the mobilisation was announced, to about 10,000 a day. Georgia allows Russians to stay for a year without a visa – and it has so far shown no sign of changing that, despite anger at the new arrivals in Tbilisi.}}

‘We welcome people who are running from war, but we cannot forget who occupies 20 percent of our country,’ said one Georgian opposition MP.

The rush is not only south. Finland’s border guard said on Sunday that 8,572 Russians had entered the country by land on Saturday, more than double the figure a week earlier, while Kazakhstan reported long lines at crossings in the Orenburg and Saratov regions.

For those with money, the options were faster and stranger. A Moscow charter broker told a business newspaper that seats on private jets to Yerevan and Istanbul were being sold for $50,000 and more, and that one client had paid for an entire aircraft to fly his son out alone.

Cars queue for several miles on the road towards the Upper Lars crossing, September 25, 2022

Cars queue for several miles on the road towards the Upper Lars crossing, September 25, 2022

Russia’s authorities have insisted that reports of an exodus are exaggerated. But border guards in North Ossetia began handing summonses to men waiting in the queue on Sunday, according to local media, and a mobile enlistment point was reported to be on its way to the checkpoint.

Meanwhile, Lithuania, Latvia and Estonia have said they will not open their borders to Russians fleeing the draft. ‘Russians should stay and fight against Putin,’ one Latvian official said. ‘Not run to us.’

read more from dailycourier.....

NEXT Couple find 150-year-old love letters hidden behind kitchen wall during renovation ... trends now
"""

# --------------------------------------------------------------------------- 06: JSONL, two articles

FEED = [
    {
        "title": "Russians fleeing call-up pour into Kazakhstan and Finland as Georgia queue grows to 5,500 cars",
        "text": """Almost 100,000 Russians have crossed into Kazakhstan since President Vladimir Putin announced a partial mobilisation last Wednesday, the Kazakh interior ministry said on Tuesday, as men across Russia continued to look for any way out of the country.

The ministry said 98,000 Russian citizens had entered Kazakhstan between September 21 and September 27, while about 64,000 had left in the same period. Most arrived by car or on foot through crossings in the Orenburg, Saratov and Omsk regions.

Kazakhstan's President Kassym-Jomart Tokayev said on Tuesday that most of the new arrivals had been "forced to leave because of a hopeless situation" and that his government had a duty to make sure they were safe. He added that Kazakhstan would hold talks with Moscow about how to handle the flow.

In the Caucasus, the line of vehicles waiting to leave Russia at the Upper Lars crossing into Georgia grew again. The interior ministry of North Ossetia said on Tuesday morning that about 5,500 cars were queuing on the approach road, up from around 2,300 at the weekend, and that a mobile enlistment office had been set up near the checkpoint.

"They are handing out papers right there in the queue, so now people are afraid to drive up at all," said a 31-year-old programmer from Kazan who reached Tbilisi on Monday after three days on the road. "I left my car with a stranger and walked."

Finland, the last European Union country with an open land border with Russia for tourists, said traffic on its south-eastern crossings had been heavy for a fifth straight day. The Finnish Border Guard said 8,572 Russians entered on Saturday, 6,470 on Sunday and just under 5,000 on Monday.

Helsinki said on Friday it intended to bar Russian tourists from entering on Schengen visas. "We are preparing the decision and it will take effect within days," one Finnish official said on Monday.

In Mongolia, officials said more than 3,000 Russians, many of them Buryats, had crossed at the Altanbulag and Khyagt posts since the mobilisation was announced.

Exact numbers are hard to pin down. Russian independent media have estimated that at least 200,000 people left Russia in the first week after the mobilisation decree, more than the total number who were said to have left in the first month of the war. The Kremlin has dismissed such estimates as "exaggerated" and said no decision had been taken on closing the borders.""",
        "url": "https://www.caucasusledger.example/2022/09/27/russians-fleeing-call-up-kazakhstan-finland",
        "date": "2022-09-27T08:30:00Z",
        "outlet": "The Caucasus Ledger",
    },
    {
        "title": "Lukashenko in Sochi: «Let them go, they were never ours»",
        "text": """Alexander Lukashenko arrived in Sochi on Monday for talks with Vladimir Putin, his first meeting with the Russian president since Moscow announced the mobilisation of 300,000 reservists.

Footage released by the Kremlin press service showed the two men sitting at a small table at the Bocharov Ruchei residence. Lukashenko spoke for several minutes without interruption.

«If thirty or fifty thousand run away, let them run,» the Belarusian leader said of the Russian men crossing into Georgia and Kazakhstan. «Would they have been our people if they stayed? I do not think so.»

He went on to tell Putin that the two countries would prevail in Ukraine «because we have no other choice» and compared the departures from Russia to the wave of emigration from Belarus after the protests of 2020. «I did not lose any sleep over it then,» he said, «and you should not lose any now.»

Putin's own comments were brief. According to the Kremlin's transcript, he thanked his guest for coming and said the two countries were facing «a period of serious tests» together.

Belarusian opposition politicians said the meeting was a sign of how dependent Lukashenko has become on Moscow. Pavel Latushko, a former culture minister now living in exile, told our newspaper that Lukashenko «has nothing left to offer except words and his territory».

Minsk has said repeatedly that it will not mobilise its own army. But since the spring, Belarusian officials have conducted checks of reservists in several regions, and in September they tightened the rules for men of conscription age leaving the country.

The Kremlin said the two leaders also discussed gas prices and the construction of joint military training centres. No agreements were signed.""",
        "url": "https://vilniusobserver.example/en/news/2022-09-26-lukashenko-sochi",
        "date": "2022-09-26T16:45:00+03:00",
        "outlet": "Vilnius Observer",
    },
]

# --------------------------------------------------------------------------- 08: WARC, two HTML responses

SOCHI_ANALYSIS_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>What Lukashenko wanted from Sochi, and what he got | The Continental Review</title>
<meta property="og:title" content="What Lukashenko wanted from Sochi, and what he got">
<meta property="og:site_name" content="The Continental Review">
<meta property="article:published_time" content="2022-09-27T06:00:00+00:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"AnalysisNewsArticle","headline":"What Lukashenko wanted from Sochi, and what he got","datePublished":"2022-09-27T06:00:00+00:00","author":[{"@type":"Person","name":"Jonas Petraitis"}],"publisher":{"@type":"Organization","name":"The Continental Review"}}</script>
<script src="/assets/app.js" defer></script>
</head>
<body>
<nav class="topbar"><a href="/">The Continental Review</a> <a href="/europe">Europe</a> <a href="/analysis">Analysis</a> <a href="/newsletters">Newsletters</a> <a href="/subscribe" class="cta">Subscribe</a></nav>
<main>
<article>
<header>
<p class="kicker">Analysis</p>
<h1>What Lukashenko wanted from Sochi, and what he got</h1>
<p class="dek">The Belarusian leader flattered his host and dismissed Russia&#8217;s draft dodgers. Behind the theatre lies a harder question: will Minsk be asked to send troops?</p>
<p class="byline">By <a rel="author" href="/authors/jonas-petraitis">Jonas Petraitis</a> in Vilnius &middot; <time datetime="2022-09-27T06:00:00+00:00">27 September 2022</time></p>
</header>
<section class="body">
<p>Alexander Lukashenko has made the trip to Sochi often enough to know the choreography. The handshake, the small table, the long monologue while Vladimir Putin listens. Monday&#8217;s meeting, the fourth between the two men this year, followed the script closely. What was different was the backdrop.</p>
<p>Five days earlier Putin had ordered the call-up of 300,000 reservists. Since then, by most estimates, more men have left Russia than have been mobilised, and the roads to Georgia and Kazakhstan have filled with cars. Lukashenko&#8217;s verdict on them was brief. &#8216;Let them run,&#8217; he said. &#8216;If they had stayed, would they have been ours?&#8217;</p>
<p>The remark played well on Russian state television. It also told Belarusians something about their own position. Lukashenko has insisted since February that his army will not fight in Ukraine, and his officials repeat it whenever the subject comes up. &#8216;There is no mobilisation in Belarus and none is planned,&#8217; the defence ministry in Minsk said last week, after rumours spread that reservists were being checked in the Gomel region.</p>
<figure><img src="/img/sochi-table.jpg" alt=""><figcaption>Lukashenko and Putin at the Bocharov Ruchei residence, Sochi, 26 September 2022</figcaption></figure>
<p>Analysts in Vilnius and Warsaw are not convinced that the choice is entirely his. &#8216;Lukashenko&#8217;s real currency in Sochi is his territory and his silence,&#8217; said Katsiaryna Shmatsina, a Belarusian political analyst. &#8216;As long as that is enough for Moscow, he will avoid sending troops. The moment it is not enough, he has very little room to refuse.&#8217;</p>
<p>The numbers explain why he would rather not be asked. An independent poll conducted for a London think-tank earlier this year found that only three percent of Belarusians supported sending their own soldiers to Ukraine. The Belarusian army has about 45,000 active personnel, a fraction of what Russia has already lost, and its officers have watched the past seven months closely.</p>
<p>Money is the other half of the relationship. Belarus has survived Western sanctions largely on Russian credit, including a $1.5bn loan that Putin promised at a Sochi meeting in September 2020, weeks after the disputed election. Minsk is now asking for more, and for lower gas prices.</p>
<p>For Putin, a willing Belarus remains useful even without Belarusian soldiers: as a staging ground, an air base and a reminder to Kyiv that the northern border is not safe. He said little on Monday because he did not need to.</p>
<p>&#8216;Lukashenko came to show loyalty and to ask for money,&#8217; said one European diplomat who follows Belarus. &#8216;That is what he always does. The question is what Putin will ask for in return, and whether it is something Lukashenko can deliver without losing control of his own army.&#8217;</p>
</section>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/europe/2022/09/21/mobilisation-explained">Russia&#8217;s partial mobilisation, explained</a></li>
<li><a href="/europe/2022/09/25/upper-lars-queue">The long road out: a night in the Upper Lars queue</a></li>
</ul></aside>
<section class="newsletter-signup"><p>Get our Eastern Europe briefing every Tuesday.</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></section>
</article>
</main>
<footer><p>&copy; The Continental Review 2022</p></footer>
<script>window.__analytics={page:"analysis",id:88213};</script>
</body>
</html>
"""

WARC_RECORDS = [
    # The same page as examples/02_mobilisation_wire_regional.html, captured by a crawler: an exact duplicate.
    ("https://www.harbourgazette.example/world/2022/09/21/putin-orders-partial-mobilisation",
     "2022-09-21T20:15:00Z", (HERE / "02_mobilisation_wire_regional.html").read_bytes()),
    ("https://www.continentalreview.example/analysis/2022/09/27/lukashenko-sochi",
     "2022-09-27T07:02:11Z", SOCHI_ANALYSIS_HTML.encode("utf-8")),
]


def mojibake(text: str) -> str:
    """Apply the marked encoding damage: {{ML2:..}} Mac Central European, {{MR:..}} Mac Roman."""
    text = re.sub(r"\{\{ML2:(.*?)\}\}", lambda m: m.group(1).encode("utf-8").decode("mac_latin2"), text, flags=re.S)
    return re.sub(r"\{\{MR:(.*?)\}\}", lambda m: m.group(1).encode("utf-8").decode("mac_roman"), text, flags=re.S)


def gzip_bytes(data: bytes) -> bytes:
    """Gzip with a zero mtime and no file name, so the output is reproducible."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz:
        gz.write(data)
    return buf.getvalue()


def build_txt_gz(path: Path) -> None:
    """Write the gzip'd plain-text article."""
    path.write_bytes(gzip_bytes(mojibake(EXODUS_GZ).encode("utf-8")))


def build_jsonl(path: Path) -> None:
    """Write the two-article JSONL feed."""
    lines = [json.dumps(rec, ensure_ascii=False) for rec in FEED]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_warc(path: Path) -> None:
    """Write a gzip'd WARC with two HTTP response records (fixed dates and record ids)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, date, body in WARC_RECORDS:
        http_headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        record_id = uuid.UUID(hashlib.sha256(url.encode("utf-8")).hexdigest()[:32])
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": f"<urn:uuid:{record_id}>"},
        )
        writer.write_record(record)
    path.write_bytes(buf.getvalue())


def main() -> None:
    build_txt_gz(HERE / "05_exodus_upper_lars.txt.gz")
    build_jsonl(HERE / "06_feed.jsonl")
    build_warc(HERE / "08_crawl.warc.gz")


if __name__ == "__main__":
    main()
