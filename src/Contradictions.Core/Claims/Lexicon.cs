namespace Contradictions.Core.Claims;

/// <summary>Word lists behind the rule-based extractor. Lower-case; look-ups are case-insensitive.</summary>
internal static class Lexicon
{
    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    /// <summary>Demonyms and country aliases to a canonical country key.</summary>
    public static readonly Dictionary<string, string> Countries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ukraine"] = "ukraine", ["ukrainian"] = "ukraine", ["ukrainians"] = "ukraine",
        ["russia"] = "russia", ["russian"] = "russia", ["russians"] = "russia", ["russian federation"] = "russia",
        ["us"] = "united states", ["u.s."] = "united states", ["u.s"] = "united states", ["usa"] = "united states", ["america"] = "united states",
        ["american"] = "united states", ["americans"] = "united states", ["united states"] = "united states",
        ["uk"] = "united kingdom", ["u.k."] = "united kingdom", ["britain"] = "united kingdom", ["great britain"] = "united kingdom",
        ["british"] = "united kingdom", ["united kingdom"] = "united kingdom",
        ["france"] = "france", ["french"] = "france", ["germany"] = "germany", ["german"] = "germany",
        ["china"] = "china", ["chinese"] = "china", ["india"] = "india", ["indian"] = "india", ["iran"] = "iran", ["iranian"] = "iran",
        ["israel"] = "israel", ["israeli"] = "israel", ["poland"] = "poland", ["polish"] = "poland", ["italy"] = "italy", ["italian"] = "italy",
        ["spain"] = "spain", ["spanish"] = "spain", ["turkey"] = "turkey", ["turkish"] = "turkey", ["japan"] = "japan", ["japanese"] = "japan",
        ["canada"] = "canada", ["canadian"] = "canada", ["belarus"] = "belarus", ["belarusian"] = "belarus", ["syria"] = "syria", ["syrian"] = "syria",
        ["europe"] = "europe", ["european"] = "europe", ["europeans"] = "europe", ["nicaragua"] = "nicaragua", ["nicaraguan"] = "nicaragua",
        ["mexico"] = "mexico", ["mexican"] = "mexico", ["brazil"] = "brazil", ["brazilian"] = "brazil", ["australia"] = "australia",
        ["australian"] = "australia", ["egypt"] = "egypt", ["egyptian"] = "egypt", ["iraq"] = "iraq", ["iraqi"] = "iraq",
        ["saudi arabia"] = "saudi arabia", ["saudi"] = "saudi arabia", ["north korea"] = "north korea", ["north korean"] = "north korea",
        ["south korea"] = "south korea", ["south korean"] = "south korea", ["pakistan"] = "pakistan", ["pakistani"] = "pakistan",
        ["afghanistan"] = "afghanistan", ["afghan"] = "afghanistan", ["nigeria"] = "nigeria", ["nigerian"] = "nigeria",
    };

    /// <summary>Cities and regions (places that are not countries).</summary>
    public static readonly HashSet<string> Places = Set(
        "london", "paris", "moscow", "kyiv", "kiev", "washington", "berlin", "beijing", "crimea", "black sea", "donbas", "sumy",
        "kryvyi rih", "agra", "brussels", "geneva", "istanbul", "riyadh", "jeddah", "warsaw", "rome", "madrid", "tokyo",
        "new york", "le bourget", "kharkiv", "odesa", "odessa", "zaporizhzhia", "kherson", "mariupol", "donetsk", "luhansk",
        "managua", "gaza", "jerusalem", "tehran", "damascus", "baghdad", "kabul", "minsk", "crimean peninsula");

    /// <summary>Capitals commonly standing for their governments ("Moscow said").</summary>
    public static readonly HashSet<string> Metonyms = Set("moscow", "washington", "kyiv", "kiev", "beijing", "london", "paris",
        "berlin", "tehran", "brussels", "kremlin", "white house", "pentagon", "downing street", "elysee", "élysée");

    public static readonly HashSet<string> KnownOutlets = Set(
        "reuters", "associated press", "ap", "afp", "agence france-presse", "bloomberg", "axios", "new york post", "new york times",
        "washington post", "wall street journal", "financial times", "guardian", "the guardian", "bbc", "cnn", "fox news", "nbc news",
        "cbs news", "abc news", "politico", "ria novosti", "ria", "tass", "interfax", "xinhua", "al jazeera", "der spiegel", "spiegel",
        "le monde", "ukrainska pravda", "kyiv independent", "sky news", "telegraph", "the telegraph", "economist", "the economist",
        "npr", "semafor", "the times", "daily mail", "news18", "kommersant", "izvestia", "rbc", "meduza", "suspilne", "ukrinform",
        "deutsche welle", "dw", "euronews", "cnbc", "the hill", "newsweek", "the atlantic", "bild", "kyiv post", "nv", "rferl",
        "radio liberty", "radio free europe", "china daily", "global times", "anadolu", "yonhap", "kyodo", "efe", "ansa", "dpa",
        "wsj", "nyt", "ft", "the information", "the independent", "independent", "mirror", "daily telegraph", "the sun", "time",
        "usa today", "los angeles times", "la times", "the washington post", "the new york times");

    /// <summary>Last words that make a capitalised name an outlet ("… Post", "… Times").</summary>
    public static readonly HashSet<string> OutletHeads = Set("post", "times", "journal", "news", "herald", "tribune", "gazette",
        "telegraph", "guardian", "press", "agency", "wire", "daily", "radio", "tv", "television", "broadcaster", "newspaper", "magazine");

    /// <summary>Common nouns that refer back to an outlet ("the publication said").</summary>
    public static readonly HashSet<string> OutletAnaphors = Set("publication", "newspaper", "outlet", "paper", "agency",
        "news agency", "broadcaster", "channel", "magazine", "website", "site", "daily", "report", "media outlet");

    /// <summary>Heads of an institution's name.</summary>
    public static readonly HashSet<string> BodyWords = Set("ministry", "department", "kremlin", "government", "administration",
        "office", "commission", "council", "parliament", "congress", "senate", "nato", "eu", "un", "police", "army", "military",
        "committee", "court", "bank", "company", "embassy", "agency", "pentagon", "house", "union", "nations", "service",
        "forces", "command", "staff", "cabinet", "presidency", "authorities", "authority", "institute", "university", "organization",
        "organisation", "board", "bureau", "party", "directorate", "centre", "center", "foundation", "fund", "inc", "corp", "ltd",
        "group", "coalition", "alliance", "verkhovna", "rada", "duma", "state department", "foreign office", "mfa", "fbi", "cia");

    /// <summary>Nouns that head an unnamed source ("an official", "sources familiar with…").</summary>
    public static readonly HashSet<string> SourceNouns = Set("source", "sources", "official", "officials", "diplomat", "diplomats",
        "person", "people", "insider", "insiders", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "officer", "officers",
        "representative", "representatives", "lawmaker", "lawmakers", "member", "members", "employee", "employees", "staffer",
        "staffers", "spokesman", "spokeswoman", "spokesperson", "analyst", "analysts", "expert", "experts", "witness", "witnesses",
        "resident", "residents", "observer", "observers", "negotiator", "negotiators", "politician", "politicians", "minister",
        "ministers", "envoy", "envoys", "leader", "leaders", "commander", "commanders", "interlocutor", "interlocutors", "reports",
        "report", "media", "counterpart", "counterparts", "participant", "participants");

    /// <summary>Titles and role words stripped in front of a person's name.</summary>
    public static readonly HashSet<string> Titles = Set("president", "vice-president", "vice", "prime", "minister", "secretary",
        "state", "defense", "defence", "foreign", "affairs", "spokesman", "spokeswoman", "spokesperson", "envoy", "special",
        "senator", "sen.", "rep.", "representative", "gen.", "general", "chancellor", "chairman", "chair", "chief", "head",
        "ambassador", "deputy", "mr.", "mrs.", "ms.", "dr.", "prof.", "king", "queen", "prince", "pope", "governor", "mayor",
        "director", "commander", "adviser", "advisor", "national", "security", "press", "first", "lady", "leader", "speaker",
        "kremlin", "white", "house", "pentagon", "ceo", "founder", "colonel", "col.", "lt.", "sgt.", "captain", "admiral",
        "senior", "former", "top", "presidential", "economy", "finance", "interior", "justice", "health", "trade", "energy",
        "and", "of", "the", "to", "for", "on", "in", "at", "vice-premier", "premier", "army", "navy", "opposition", "acting",
        "volcanologist", "official", "officer", "journalist", "reporter", "analyst", "expert", "professor", "mp", "mep", "lawmaker");

    /// <summary>Lower-case words that may appear inside a source noun phrase.</summary>
    public static readonly HashSet<string> NounPhraseWords = Set("a", "an", "the", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "several", "some", "many", "multiple", "other", "this", "these", "those", "that", "unnamed",
        "anonymous", "senior", "top", "former", "high-ranking", "high-level", "local", "western", "foreign", "military", "government",
        "administration", "intelligence", "security", "defense", "defence", "ministry", "state", "news", "agency", "of", "close",
        "to", "familiar", "with", "matter", "situation", "talks", "discussions", "negotiations", "knowledge", "plans", "in", "at",
        "from", "for", "and", "press", "service", "spokesman", "spokeswoman", "spokesperson", "team", "police", "army", "council",
        "committee", "department", "office", "his", "her", "its", "their", "our", "aware", "involved", "briefed", "direct", "deal",
        "knowledgeable", "about", "on", "informed", "well-informed", "reliable", "european", "diplomatic", "presidential", "kremlin",
        "white", "house", "minister", "president", "envoy", "special", "foreign", "affairs", "secretary", "deputy", "chief", "head",
        "issue", "case", "investigation", "negotiating", "process", "private", "internal", "ruling", "party", "opposition",
        "spokesperson's", "publication's", "newspaper's", "agency's", "outlet's", "paper's", "national", "regional", "city",
        "federal", "u.s.", "democratic", "republican", "allied", "israeli", "palestinian", "emergency", "health", "officials'");

    public static readonly HashSet<string> SourceNounsAndPhraseWords = new(SourceNouns.Concat(NounPhraseWords), StringComparer.OrdinalIgnoreCase);

    /// <summary>Words skipped between a subject and its reporting verb ("the ministry later denied").</summary>
    public static readonly HashSet<string> VerbAdverbs = Set("also", "later", "previously", "earlier", "has", "had", "have",
        "repeatedly", "again", "publicly", "privately", "then", "further", "separately", "recently", "today", "yesterday",
        "first", "once", "now", "already", "openly", "directly", "subsequently", "initially", "immediately", "quickly", "officially",
        "flatly", "firmly", "strongly", "categorically", "reportedly", "allegedly", "apparently", "reportedly,", "would", "will",
        "did", "does", "do", "not", "never", "had", "is", "was", "were", "are", "been", "being");

    public static readonly HashSet<string> Pronouns = Set("he", "she", "they", "it", "we", "i");

    public static readonly HashSet<string> Weekdays = Set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /// <summary>Reporting verb forms. Value: polarity the verb itself carries (null = neutral).</summary>
    public static readonly Dictionary<string, Polarity?> ReportingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["said"] = null, ["says"] = null, ["say"] = null, ["saying"] = null, ["told"] = null, ["tells"] = null, ["tell"] = null,
        ["reported"] = null, ["reports"] = null, ["report"] = null, ["wrote"] = null, ["writes"] = null, ["write"] = null,
        ["stated"] = null, ["states"] = null, ["announced"] = null, ["announces"] = null, ["added"] = null, ["adds"] = null,
        ["noted"] = null, ["notes"] = null, ["insisted"] = null, ["insists"] = null, ["warned"] = null, ["warns"] = null,
        ["acknowledged"] = null, ["acknowledges"] = null, ["explained"] = null, ["argued"] = null, ["argues"] = null,
        ["responded"] = null, ["replied"] = null, ["reiterated"] = null, ["revealed"] = null, ["admitted"] = null,
        ["disclosed"] = null, ["stressed"] = null, ["emphasized"] = null, ["emphasised"] = null, ["declared"] = null,
        ["tweeted"] = null, ["posted"] = null, ["informed"] = null, ["assured"] = null, ["announced,"] = null, ["commented"] = null,
        ["confirmed"] = null, ["confirms"] = null, ["confirm"] = null, ["claimed"] = null, ["claims"] = null, ["claim"] = null,
        ["denied"] = Polarity.Denied, ["denies"] = Polarity.Denied, ["deny"] = Polarity.Denied, ["refuted"] = Polarity.Denied,
        ["rejected"] = Polarity.Denied, ["dismissed"] = Polarity.Denied, ["disputed"] = Polarity.Denied, ["refutes"] = Polarity.Denied,
        ["rejects"] = Polarity.Denied, ["dismisses"] = Polarity.Denied, ["debunked"] = Polarity.Denied,
        ["believes"] = Polarity.Hedged, ["believe"] = Polarity.Hedged, ["believed"] = Polarity.Hedged, ["thinks"] = Polarity.Hedged,
        ["suggested"] = Polarity.Hedged, ["suggests"] = Polarity.Hedged, ["speculated"] = Polarity.Hedged,
        ["alleged"] = Polarity.Hedged, ["alleges"] = Polarity.Hedged, ["estimated"] = Polarity.Hedged, ["predicted"] = Polarity.Hedged,
        ["suspects"] = Polarity.Hedged, ["suspected"] = Polarity.Hedged, ["expects"] = Polarity.Hedged, ["expected"] = Polarity.Hedged,
    };

    /// <summary>Words that qualify the content rather than assert it.</summary>
    public static readonly HashSet<string> Hedges = Set("may", "might", "could", "possibly", "reportedly", "allegedly", "apparently",
        "likely", "unlikely", "perhaps", "maybe", "unconfirmed", "purportedly", "supposedly", "rumored", "rumoured", "probably",
        "presumably", "seemingly", "unverified", "appears", "appear", "appeared", "seems", "seem", "seemed");
}
