"""Test articles written for this project (fictional events; no third-party text)."""

SEED_LIKE = (
    " date 2022-05-10 Visiting Norwegian Foreign Minister Ingrid Solberg on Tuesday met with Kenyan "
    "Cabinet Secretary for Foreign Affairs Peter Kamau here in Nairobi, and the two sides agreed to "
    "deepen trade ties.\n\n"
    "During the meeting, Solberg said the partnership had grown steadily over the past decade.\n\n"
    "Kamau said Kenyan President Grace Wanjiru valued Norway's support for renewable energy projects.\n\n"
    "The two countries should expand exchanges between universities, he said."
)

DATELINE_HEADLINE = (
    " date 2021-09-14 Brazil And Argentina Agree To Revive Trade Talks\n\n"
    "Enlarge this image toggle caption Some Photographer/Agency\n\n"
    "BUENOS AIRES (Reuters) - Brazilian President Lucas Almeida and Argentine President Sofia Herrera "
    "held talks in Buenos Aires on Monday and agreed to restart negotiations on tariffs.\n\n"
    "Read more: Another story about something else\n\n"
    "\"We are neighbours and partners,\" Almeida told reporters after the talks.\n\n"
    "Herrera, the Argentine president, said both governments would name negotiators within a month.\n\n"
    "Copyright 2021 Some News Agency. All rights reserved."
)

PHONE_CALL = (
    " date 2019-02-03 German Chancellor Klaus Becker spoke by phone on Sunday with French President "
    "Claire Dubois about the migration crisis, a government spokesman said.\n\n"
    "Becker and Dubois agreed that European partners must share responsibility for refugees, the "
    "spokesman said.\n\n"
    "Former German Foreign Minister Otto Lang criticised the plan in a newspaper interview."
)

APPOSITIVE = (
    " date 2018-06-01 WASHINGTON (AP) — Rahul Mehta, India's foreign minister, met Secretary of State "
    "Jane Carter at the State Department on Friday for talks on maritime security.\n\n"
    "Carter said the United States welcomed India's growing role in the region. Mehta said his "
    "country would deepen defence ties.\n\n"
    "Mr. Mehta later met Sen. Tom Ridley, who chairs a foreign relations panel."
)

COUNTERPART = (
    " date 2017-03-08 Japanese Foreign Minister Haruto Sato met his South Korean counterpart, Park "
    "Min-jun, in Seoul on Wednesday to discuss North Korea's missile launches.\n\n"
    "Sato said the two neighbours must coordinate closely. Park agreed, a ministry statement said."
)

JOINT_STATEMENT = (
    " date 2020-10-02 The leaders of Canada and Mexico said in a joint statement on Friday that they "
    "would work together on climate change.\n\n"
    "Canadian Prime Minister Emily Roy and Mexican President Javier Ortiz said emissions must fall."
)

HOSTILE = (
    "---\ntitle: \"<script>alert(1)</script> Summit\"\nslug: ../../etc/passwd\n---\n"
    " date 2020-01-02 Italian Prime Minister Marco Bellini met Spanish Prime Minister Lucia Vega in "
    "Rome on Thursday. <img src=x onerror=alert(2)> {{ config }} {% raw %}\n\n"
    "Bellini said <b>nothing</b> had changed."
)
