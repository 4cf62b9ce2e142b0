#include "synth.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace claimgraph::bench {
namespace {

// ---------------------------------------------------------------------------
// Randomness: a fixed generator and fixed conversions, so that the corpus is
// the same on every platform (std::*_distribution is implementation-defined).

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  uint64_t Next() {  // splitmix64
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  uint64_t Below(uint64_t n) { return Next() % n; }
  bool Chance(double p) { return Uniform() < p; }

 private:
  uint64_t state_;
};

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDULL;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ULL;
  return x ^ (x >> 33);
}

template <size_t N>
std::string_view Pick(const std::string_view (&list)[N], uint64_t* c) {
  std::string_view word = list[*c % N];
  *c /= N;
  return word;
}

// ---------------------------------------------------------------------------
// Vocabulary.

constexpr std::string_view kFirst[] = {
    "Maria",    "James",   "Ana",      "Robert",   "Linda",    "Carlos",
    "Sarah",    "Michael", "Elena",    "David",    "Jennifer", "Luis",
    "Emily",    "John",    "Sofia",    "William",  "Karen",    "Jorge",
    "Laura",    "Thomas",  "Rosa",     "Daniel",   "Amanda",   "Miguel",
    "Rachel",   "Kevin",   "Patricia", "Andrew",   "Carmen",   "Brian",
    "Julia",    "Steven",  "Isabel",   "Mark",     "Nicole",   "Alejandro",
    "Susan",    "Paul",    "Lucia",    "Gregory",  "Hannah",   "Ricardo",
    "Megan",    "Scott",   "Gabriela", "Jason",    "Diana",    "Fernando",
    "Rebecca",  "Eric",    "Teresa",   "Jonathan", "Alicia",   "Ryan",
    "Victoria", "Samuel",  "Monica",   "Peter",    "Claudia",  "Aaron",
    "Natalie",  "Omar",    "Priya",    "Wei"};
constexpr std::string_view kInitials[] = {
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
    "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z"};
constexpr std::string_view kLast[] = {
    "Garcia",    "Smith",   "Martinez", "Johnson",  "Lopez",     "Williams",
    "Hernandez", "Brown",   "Gonzalez", "Jones",    "Rodriguez", "Miller",
    "Perez",     "Davis",   "Sanchez",  "Wilson",   "Ramirez",   "Anderson",
    "Torres",    "Taylor",  "Flores",   "Thomas",   "Rivera",    "Moore",
    "Gomez",     "Jackson", "Diaz",     "White",    "Reyes",     "Harris",
    "Cruz",      "Martin",  "Morales",  "Thompson", "Ortiz",     "Clark",
    "Gutierrez", "Lewis",   "Chavez",   "Robinson", "Ramos",     "Walker",
    "Ruiz",      "Young",   "Alvarez",  "Allen",    "Mendoza",   "King",
    "Vasquez",   "Wright",  "Castillo", "Scott",    "Jimenez",   "Green",
    "Moreno",    "Baker",   "Romero",   "Adams",    "Herrera",   "Nelson",
    "Medina",    "Hill",    "Aguilar",  "Campbell", "Vargas",    "Mitchell",
    "Guzman",    "Roberts", "Castro",   "Carter",   "Mendez",    "Phillips",
    "Nguyen",    "Evans",   "Chen",     "Turner",   "Patel",     "Collins",
    "Kim",       "Stewart", "Singh",    "Morris",   "Park",      "Murphy",
    "Ali",       "Cook",    "Khan",     "Rogers",   "Lee",       "Reed",
    "Wang",      "Bailey",  "Shah",     "Cooper",   "Tran",      "Howard"};
constexpr std::string_view kPersonSuffix[] = {"",    " Jr.", " Sr.",
                                              " II", " III", " IV"};
constexpr std::string_view kStates[] = {
    "Texas",    "Arizona",   "California", "New Mexico", "Florida",
    "New York", "Illinois",  "Georgia",    "Washington", "Oregon",
    "Nevada",   "Colorado",  "Michigan",   "Ohio",       "Pennsylvania",
    "Virginia", "Louisiana", "Utah",       "Minnesota",  "Massachusetts"};
constexpr std::string_view kAgencyHead[] = {
    "Office",      "Bureau", "Department", "Division",
    "Directorate", "Center", "Service",    "Administration"};
constexpr std::string_view kTopicA[] = {
    "Border",      "Customs",   "Immigration",    "Maritime",    "Biometric",
    "Cyber",       "Port",      "Aviation",       "Refugee",     "Asylum",
    "Detention",   "Removal",   "Visa",           "Citizenship", "Enforcement",
    "Homeland",    "Emergency", "Transportation", "Criminal",    "Financial",
    "Narcotics",   "Records",   "Identity",       "Screening",   "Intelligence",
    "Procurement", "Privacy",   "Civil Rights",   "Field",       "Tactical"};
constexpr std::string_view kTopicB[] = {
    "Analytics",    "Operations",     "Security",   "Technology", "Services",
    "Intelligence", "Enforcement",    "Management", "Affairs",    "Programs",
    "Oversight",    "Investigations", "Planning",   "Logistics",  "Policy",
    "Compliance",   "Information",    "Data",       "Response",   "Support"};
constexpr std::string_view kWordA[] = {
    "North",  "South", "East",  "West",    "Blue",   "Red",     "Green",
    "Silver", "Iron",  "Stone", "Clear",   "Bright", "Swift",   "Eagle",
    "Falcon", "Cedar", "Pine",  "Oak",     "Maple",  "River",   "Lake",
    "Rock",   "Sun",   "Star",  "Granite", "Copper", "Gold",    "Summit",
    "Harbor", "Bay",   "Sand",  "Mesa",    "Canyon", "Prairie", "Frost",
    "Storm",  "Wolf",  "Bear",  "High",    "Long"};
constexpr std::string_view kWordB[] = {
    "wood",  "field", "gate",   "stone", "ridge", "view",  "ford", "port",
    "brook", "dale",  "mont",   "haven", "crest", "well",  "ton",  "ville",
    "land",  "water", "point",  "side",  "vale",  "burg",  "wick", "shire",
    "more",  "hill",  "bridge", "creek", "moor",  "spring"};
constexpr std::string_view kSector[] = {"Analytics",
                                        "Systems",
                                        "Biometrics",
                                        "Security",
                                        "Data",
                                        "Defense",
                                        "Logistics",
                                        "Labs",
                                        "Software",
                                        "Networks",
                                        "Solutions",
                                        "Dynamics",
                                        "Vision",
                                        "Sensors",
                                        "Robotics",
                                        "Aerospace",
                                        "Consulting",
                                        "Intelligence",
                                        "Telecom",
                                        "Identity",
                                        "Cloud",
                                        "Imaging",
                                        "Signals",
                                        "Mapping",
                                        "Detention Services"};
constexpr std::string_view kCompanyForm[] = {
    "Inc.", "LLC", "Corp.", "Group", "Holdings", "Ltd.", "Co.", "Partners"};
constexpr std::string_view kOrgPrefix[] = {
    "National", "Southern", "Northern", "Western", "Eastern",
    "Central",  "United",   "Greater",  "Free",    "Independent"};
constexpr std::string_view kCause[] = {
    "Civil Liberties",     "Immigrant Rights", "Privacy",
    "Border Justice",      "Refugee Aid",      "Legal Defense",
    "Digital Rights",      "Human Rights",     "Asylum Support",
    "Worker Rights",       "Faith Action",     "Data Justice",
    "Community Safety",    "Open Government",  "Press Freedom",
    "Migrant Health",      "Family Unity",     "Due Process",
    "Tech Accountability", "Taxpayer Watch",   "Law Enforcement",
    "Border Security",     "Public Safety",    "Sheriffs",
    "Police Chiefs",       "Farmworkers",      "Interfaith",
    "Latino Leaders",      "Veterans",         "Students"};
constexpr std::string_view kOrgForm[] = {
    "Coalition", "Alliance", "Project", "Network", "Foundation",
    "Institute", "Council",  "Center",  "Fund",    "Collective"};
constexpr std::string_view kPlaceKind[] = {
    "County", "Port of", "Sector", "Station", "Detention Center", "Airport"};
constexpr std::string_view kProgramKind[] = {"Operation", "Project", "Program",
                                             "Initiative", "Task Force"};
constexpr std::string_view kAnimal[] = {
    "Falcon", "Hawk",    "Eagle",  "Condor",  "Raven",    "Owl",
    "Wolf",   "Coyote",  "Lynx",   "Jaguar",  "Puma",     "Bison",
    "Shield", "Lantern", "Sentry", "Beacon",  "Gate",     "Compass",
    "Arrow",  "Anchor",  "Harbor", "Summit",  "Vector",   "Prism",
    "Orbit",  "Atlas",   "Delta",  "Horizon", "Keystone", "Trident"};
constexpr std::string_view kEventKind[] = {"Hearing", "Summit",  "Raid",
                                           "Audit",   "Protest", "Conference"};

struct Outlet {
  std::string_view name;
  std::string_view domain;
};
constexpr Outlet kOutlets[] = {
    {"The Washington Post", "washingtonpost.com"},
    {"The New York Times", "nytimes.com"},
    {"Reuters", "reuters.com"},
    {"Associated Press", "apnews.com"},
    {"The Intercept", "theintercept.com"},
    {"ProPublica", "propublica.org"},
    {"The Guardian", "theguardian.com"},
    {"Wired", "wired.com"},
    {"404 Media", "404media.co"},
    {"The Markup", "themarkup.org"},
    {"Los Angeles Times", "latimes.com"},
    {"The Texas Tribune", "texastribune.org"},
    {"The Arizona Republic", "azcentral.com"},
    {"NPR", "npr.org"},
    {"Bloomberg", "bloomberg.com"},
    {"Politico", "politico.com"},
    {"The Verge", "theverge.com"},
    {"Forbes", "forbes.com"},
    {"Business Insider", "businessinsider.com"},
    {"Vice News", "vice.com"},
    {"Mother Jones", "motherjones.com"},
    {"The Hill", "thehill.com"},
    {"Axios", "axios.com"},
    {"Border Report", "borderreport.com"},
    {"El Paso Times", "elpasotimes.com"},
    {"San Diego Union-Tribune", "sandiegouniontribune.com"},
    {"Miami Herald", "miamiherald.com"},
    {"Chicago Tribune", "chicagotribune.com"},
    {"Financial Times", "ft.com"},
    {"The Wall Street Journal", "wsj.com"}};
constexpr std::string_view kSlugWords[] = {"ice",
                                           "cbp",
                                           "surveillance",
                                           "contract",
                                           "facial-recognition",
                                           "border",
                                           "data",
                                           "palantir",
                                           "arrests",
                                           "detention",
                                           "license-plate",
                                           "drones",
                                           "audit",
                                           "lawsuit",
                                           "biometrics",
                                           "deportation",
                                           "funding",
                                           "privacy",
                                           "program",
                                           "towers"};

struct Hub {
  std::string_view name;
  EntityType type;
  std::vector<std::string_view> aliases;
};
// The most connected entities (ranks 0, 1, ...), named like the real ones
// the sample data is about.
const std::vector<Hub>& Hubs() {
  static const auto* hubs = new std::vector<Hub>{
      {"U.S. Immigration and Customs Enforcement",
       AGENCY,
       {"ICE", "Immigration and Customs Enforcement"}},
      {"U.S. Customs and Border Protection",
       AGENCY,
       {"CBP", "Customs and Border Protection"}},
      {"Department of Homeland Security", AGENCY, {"DHS"}},
      {"Palantir Technologies", COMPANY, {"Palantir"}},
      {"U.S. Border Patrol", AGENCY, {"Border Patrol"}},
      {"Federal Bureau of Investigation", AGENCY, {"FBI"}},
      {"Clearview AI", COMPANY, {"Clearview"}},
      {"ImmigrationOS", PROGRAM, {}},
      {"Anduril Industries", COMPANY, {"Anduril"}},
      {"American Civil Liberties Union", ORGANIZATION, {"ACLU"}},
      {"Government Accountability Office", AGENCY, {"GAO"}},
      {"Department of Justice", AGENCY, {"DOJ", "Justice Department"}},
      {"Electronic Frontier Foundation", ORGANIZATION, {"EFF"}},
      {"LexisNexis Risk Solutions", COMPANY, {"LexisNexis"}},
      {"Thomson Reuters", COMPANY, {}},
      {"Office of Biometric Identity Management", AGENCY, {"OBIM"}},
      {"Homeland Advanced Recognition Technology", PROGRAM, {"HART"}},
      {"Peter Thiel", PERSON, {}},
      {"Texas", LOCATION, {}},
      {"Arizona", LOCATION, {}}};
  return *hubs;
}

struct Predicate {
  std::string_view name;
  std::string_view text;
};
// Claims between two entities.
constexpr Predicate kLinkPredicates[] = {{"contract", "signed a contract with"},
                                         {"fund", "funded"},
                                         {"acquire", "acquired"},
                                         {"partner", "partnered with"},
                                         {"employ", "employs"},
                                         {"deploy", "deployed technology from"},
                                         {"use", "uses"},
                                         {"investigate", "is investigating"},
                                         {"sue", "sued"},
                                         {"award", "awarded a grant to"},
                                         {"oversee", "oversees"},
                                         {"supply", "supplies"},
                                         {"criticize", "criticized"},
                                         {"support", "supports"},
                                         {"audit", "audited"},
                                         {"share data", "shares data with"}};

enum class ValueKind { kMoney, kCount, kPercent };
struct ValuePredicate {
  std::string_view name;
  std::string_view text;
  ValueKind kind;
  std::string_view unit;  // For counts; "USD" and "%" otherwise.
};
constexpr ValuePredicate kValuePredicates[] = {
    {"spend", "spent", ValueKind::kMoney, "USD"},
    {"award", "awarded contracts worth", ValueKind::kMoney, "USD"},
    {"arrest", "arrested", ValueKind::kCount, "immigrants"},
    {"detain", "detained", ValueKind::kCount, "people"},
    {"scan", "scanned", ValueKind::kCount, "vehicles"},
    {"process", "processed", ValueKind::kCount, "applications"},
    {"employ", "employs", ValueKind::kCount, "agents"},
    {"report", "reported a match rate of", ValueKind::kPercent, "%"}};

// ---------------------------------------------------------------------------
// Entity names: unique within each type by construction (a mixed-radix
// counter over word lists), with a numeral appended only when a type's
// space is used up.

std::string WithRound(std::string name, uint64_t round) {
  if (round > 0) name += " " + std::to_string(round + 1);
  return name;
}

std::string CityName(uint64_t* c) {
  std::string city(Pick(kWordA, c));
  city += Pick(kWordB, c);
  return city;
}

std::string GeneratedName(EntityType type, uint64_t c) {
  std::string name;
  switch (type) {
    case PERSON: {
      name = std::string(Pick(kFirst, &c)) + " " +
             std::string(Pick(kInitials, &c)) + ". " +
             std::string(Pick(kLast, &c));
      name += Pick(kPersonSuffix, &c);
      break;
    }
    case AGENCY: {
      std::string state(Pick(kStates, &c));
      std::string head(Pick(kAgencyHead, &c));
      std::string a(Pick(kTopicA, &c));
      name = state + " " + head + " of " + a + " " +
             std::string(Pick(kTopicB, &c));
      break;
    }
    case COMPANY: {
      std::string brand = CityName(&c);
      std::string sector(Pick(kSector, &c));
      name = brand + " " + sector + " " + std::string(Pick(kCompanyForm, &c));
      break;
    }
    case ORGANIZATION: {
      std::string prefix(Pick(kOrgPrefix, &c));
      std::string cause(Pick(kCause, &c));
      std::string form(Pick(kOrgForm, &c));
      name = prefix + " " + cause + " " + form + " of " +
             std::string(Pick(kStates, &c));
      break;
    }
    case LOCATION: {
      std::string city = CityName(&c);
      std::string_view kind = Pick(kPlaceKind, &c);
      std::string place = kind == "Port of" ? "Port of " + city
                                            : city + " " + std::string(kind);
      name = place + ", " + std::string(Pick(kStates, &c));
      break;
    }
    case PROGRAM: {
      std::string kind(Pick(kProgramKind, &c));
      std::string a(Pick(kWordA, &c));
      name = kind + " " + a + " " + std::string(Pick(kAnimal, &c));
      break;
    }
    default: {  // EVENT
      std::string year = std::to_string(2015 + c % 11);
      c /= 11;
      std::string city = CityName(&c);
      name = year + " " + city + " " + std::string(Pick(kEventKind, &c));
      break;
    }
  }
  return WithRound(std::move(name), c);
}

EntityType TypeForIndex(uint64_t index) {
  uint64_t r = Mix(index) % 100;
  if (r < 35) return PERSON;
  if (r < 55) return COMPANY;
  if (r < 68) return ORGANIZATION;
  if (r < 76) return AGENCY;
  if (r < 88) return LOCATION;
  if (r < 96) return PROGRAM;
  return EVENT;
}

// ---------------------------------------------------------------------------
// Values and text.

std::string WithCommas(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count > 0 && count % 3 == 0) out.push_back(',');
    out.push_back(*it);
    ++count;
  }
  return std::string(out.rbegin(), out.rend());
}

// Rounds to two significant digits, as reporters do.
double RoundTwoDigits(double x) {
  if (x < 100) return std::round(x);
  double scale = std::pow(10.0, std::floor(std::log10(x)) - 1);
  return std::round(x / scale) * scale;
}

std::string MoneyText(double amount) {
  char buf[64];
  if (amount >= 1e9) {
    std::snprintf(buf, sizeof(buf), "$%.1f billion", amount / 1e9);
  } else if (amount >= 1e6) {
    std::snprintf(buf, sizeof(buf), "$%.0f million", amount / 1e6);
  } else {
    return "$" + WithCommas(static_cast<uint64_t>(amount));
  }
  return buf;
}

// Days since 1970-01-01 to YYYY-MM-DD (H. Hinnant's civil_from_days).
std::string DateFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", static_cast<int>(y),
                static_cast<int>(m), static_cast<int>(d));
  return buf;
}

Source DocumentSource(uint64_t doc, uint64_t documents) {
  uint64_t h = Mix(doc + 0x5151);
  const Outlet& outlet = kOutlets[h % std::size(kOutlets)];
  // Spread over 2019-01-01 .. 2025-12-31 (17897 .. 20453 days).
  int64_t day = 17897 + static_cast<int64_t>(doc * 2556 /
                                             std::max<uint64_t>(documents, 1));
  std::string date = DateFromDays(day);
  Source source;
  source.set_outlet(std::string(outlet.name));
  source.set_published(date);
  std::string path =
      date.substr(0, 4) + "/" + date.substr(5, 2) + "/" + date.substr(8, 2) +
      "/" + std::string(kSlugWords[(h >> 8) % std::size(kSlugWords)]) + "-" +
      std::string(kSlugWords[(h >> 16) % std::size(kSlugWords)]) + "-" +
      std::to_string(doc);
  source.set_url("https://www." + std::string(outlet.domain) + "/" + path);
  return source;
}

// An open-addressing set of 64-bit fingerprints, to keep claims distinct.
class FingerprintSet {
 public:
  explicit FingerprintSet(uint64_t expected) {
    size_t size = 16;
    while (size < expected * 2) size <<= 1;
    slots_.assign(size, 0);
  }
  // False when already present.
  bool Insert(uint64_t fp) {
    if (fp == 0) fp = 1;
    size_t mask = slots_.size() - 1;
    for (size_t i = fp & mask;; i = (i + 1) & mask) {
      if (slots_[i] == fp) return false;
      if (slots_[i] == 0) {
        slots_[i] = fp;
        return true;
      }
    }
  }

 private:
  std::vector<uint64_t> slots_;
};

// Draws entity indexes with P(rank r) ~ (r + 1)^-s; entity index = rank.
class Zipf {
 public:
  Zipf(uint64_t n, double s) : cdf_(n) {
    double total = 0;
    for (uint64_t r = 0; r < n; ++r) {
      total += std::pow(static_cast<double>(r + 1), -s);
      cdf_[r] = total;
    }
    for (double& c : cdf_) c /= total;
  }
  uint32_t Draw(Rng& rng) const {
    double u = rng.Uniform();
    auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
    if (it == cdf_.end()) --it;
    return static_cast<uint32_t>(it - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

// One draw of a claim's content, before its names and text.
struct Draw {
  uint32_t subject = 0, object = 0;
  bool is_value = false;
  size_t predicate = 0;
  Quantity value;
  int year = 0;
};

// The state of one generation: the entities, the random stream and what
// was drawn so far. Every draw is made in a fixed order, so the same
// options always give the same claims.
class Generator {
 public:
  explicit Generator(const SynthOptions& options)
      : options_(options),
        entities_(std::max<uint64_t>(Hubs().size() + 10, options.claims / 5)),
        aliases_(entities_),
        rng_((MakeEntities(), options.seed)),
        zipf_(entities_, options.zipf),
        seen_(options.claims),
        mentioned_(entities_, false) {}

  // The claim of line `i`; fails when no distinct claim can be drawn.
  StatusOr<Claim> Next(uint64_t i);
  SynthGraph TakeGraph() { return std::move(graph_); }

 private:
  void MakeEntities();
  // Draws until the claim's fingerprint is new.
  StatusOr<Draw> DrawDistinct();
  // A value for predicate d->predicate; returns its fingerprint.
  uint64_t DrawValue(Draw* d);
  // The entity as a claim mentions it: the canonical name or, for hubs
  // with aliases, sometimes an alias; declared aliases on the first
  // mention.
  void Mention(uint32_t index, Entity* out);
  // Sets the predicate and the object or value of `claim`, and the time
  // and purpose qualifiers; returns the object's or value's text.
  std::string SetTarget(Draw* d, Claim* claim);
  // Sets an attribution for some claims; returns the sentence stating the
  // claim.
  std::string Attribute(const std::string& target_text, int year, Claim* claim);

  const SynthOptions& options_;
  const uint64_t entities_;
  SynthGraph graph_;
  std::vector<std::vector<std::string>> aliases_;
  Rng rng_;
  Zipf zipf_;
  FingerprintSet seen_;
  std::vector<bool> mentioned_;
};

void Generator::MakeEntities() {
  graph_.names.reserve(entities_);
  graph_.types.reserve(entities_);
  uint64_t per_type[16] = {};
  for (uint64_t i = 0; i < entities_; ++i) {
    if (i < Hubs().size()) {
      const Hub& hub = Hubs()[i];
      graph_.names.emplace_back(hub.name);
      graph_.types.push_back(hub.type);
      for (std::string_view a : hub.aliases) aliases_[i].emplace_back(a);
      continue;
    }
    EntityType type = TypeForIndex(i);
    graph_.names.push_back(GeneratedName(type, per_type[type]++));
    graph_.types.push_back(type);
  }
  graph_.degree.assign(entities_, 0);
  graph_.documents = std::max<uint64_t>(1, options_.claims / 50);
}

void Generator::Mention(uint32_t index, Entity* out) {
  const auto& names = aliases_[index];
  if (!mentioned_[index]) {
    mentioned_[index] = true;
    out->set_name(graph_.names[index]);
    for (const std::string& a : names) out->add_aliases(a);
  } else if (!names.empty() && rng_.Chance(0.3)) {
    out->set_name(names[rng_.Below(names.size())]);
  } else {
    out->set_name(graph_.names[index]);
  }
  out->set_type(graph_.types[index]);
}

uint64_t Generator::DrawValue(Draw* d) {
  const ValuePredicate& vp = kValuePredicates[d->predicate];
  Quantity& value = d->value;
  value = Quantity();
  value.set_unit(std::string(vp.unit));
  double u = rng_.Uniform();
  double amount = 0;
  std::string text;
  switch (vp.kind) {
    case ValueKind::kMoney:
      amount = RoundTwoDigits(std::pow(10.0, 4 + 5.5 * u));
      text = MoneyText(amount);
      break;
    case ValueKind::kCount:
      amount = RoundTwoDigits(std::pow(10.0, 1 + 4.5 * u));
      text = WithCommas(static_cast<uint64_t>(amount)) + " " +
             std::string(vp.unit);
      break;
    case ValueKind::kPercent:
      amount = 1 + std::floor(u * 99);
      text = std::to_string(static_cast<int>(amount)) + "%";
      break;
  }
  value.set_amount(amount);
  double cue = rng_.Uniform();
  if (cue < 0.15) {
    value.set_approximate(true);
    value.set_approximate_cue("nearly");
    text = "nearly " + text;
  } else if (cue < 0.25) {
    value.set_approximate_cue("more than");
    value.set_lower_bound(amount);
    value.set_lower_inclusive(false);
    text = "more than " + text;
  }
  value.set_text(text);
  return Mix(d->subject * 0x100000001B3ULL ^ (d->predicate + 1) << 40 ^
             static_cast<uint64_t>(amount * 8) ^
             (static_cast<uint64_t>(d->year) << 52) ^
             (value.has_lower_bound() ? 1ULL << 62 : 0));
}

StatusOr<Draw> Generator::DrawDistinct() {
  Draw d;
  for (int attempt = 0;; ++attempt) {
    d.subject = zipf_.Draw(rng_);
    d.is_value = rng_.Chance(options_.value_fraction);
    d.year = rng_.Chance(0.5) ? 2015 + static_cast<int>(rng_.Below(11)) : 0;
    uint64_t fp = 0;
    if (d.is_value) {
      d.predicate = rng_.Below(std::size(kValuePredicates));
      fp = DrawValue(&d);
    } else {
      d.predicate = rng_.Below(std::size(kLinkPredicates));
      do {
        d.object = zipf_.Draw(rng_);
      } while (d.object == d.subject);
      fp = Mix((static_cast<uint64_t>(d.subject) << 32 | d.object) ^
               (d.predicate + 1) << 58 ^ (static_cast<uint64_t>(d.year) << 20) ^
               0xABCDEF);
    }
    if (seen_.Insert(fp)) return d;
    if (attempt > 1000) {
      return InternalError("cannot draw a distinct claim; too few entities");
    }
  }
}

std::string Generator::SetTarget(Draw* d, Claim* claim) {
  std::string target_text;
  if (d->is_value) {
    const ValuePredicate& vp = kValuePredicates[d->predicate];
    claim->set_predicate(std::string(vp.name));
    claim->set_predicate_text(std::string(vp.text));
    target_text = d->value.text();
    if (vp.kind == ValueKind::kPercent) {
      auto* q = claim->add_qualifiers();
      q->set_key("denominator");
      q->set_value("license plates scanned");
    }
    *claim->mutable_value() = std::move(d->value);
    ++graph_.value_claims;
  } else {
    const Predicate& p = kLinkPredicates[d->predicate];
    claim->set_predicate(std::string(p.name));
    claim->set_predicate_text(std::string(p.text));
    Mention(d->object, claim->mutable_object());
    target_text = claim->object().name();
    ++graph_.degree[d->object];
    graph_.links.emplace_back(d->subject, d->object);
  }
  if (d->year != 0) {
    auto* q = claim->add_qualifiers();
    q->set_key("time");
    q->set_value(std::to_string(d->year));
  }
  if (rng_.Chance(0.05)) {
    auto* q = claim->add_qualifiers();
    q->set_key("purpose");
    q->set_value("immigration enforcement");
  }
  return target_text;
}

std::string Generator::Attribute(const std::string& target_text, int year,
                                 Claim* claim) {
  const std::string& subject_name = claim->subject().name();
  std::string body = subject_name + " " + claim->predicate_text() + " " +
                     target_text + (year ? " in " + std::to_string(year) : "");
  double stance = rng_.Uniform();
  if (stance >= 0.15) return body + ".";
  Attribution* a = claim->mutable_attribution();
  if (stance < 0.10) {
    uint32_t speaker = zipf_.Draw(rng_);
    for (int t = 0; t < 8 && graph_.types[speaker] != PERSON; ++t) {
      speaker = zipf_.Draw(rng_);
    }
    a->set_cue("said");
    a->set_stance(REPORTED);
    ++graph_.attributed_claims;
    if (graph_.types[speaker] != PERSON) return "Officials said " + body + ".";
    Mention(speaker, a->mutable_speaker());
    return a->speaker().name() + " said " + body + ".";
  }
  if (stance < 0.13) {
    a->set_cue("allegedly");
    a->set_stance(ALLEGED);
    ++graph_.attributed_claims;
    return subject_name + " allegedly " + claim->predicate_text() + " " +
           target_text + ".";
  }
  a->set_cue("denied");
  a->set_stance(DENIED);
  ++graph_.attributed_claims;
  return subject_name + " denied that it " + claim->predicate_text() + " " +
         target_text + ".";
}

StatusOr<Claim> Generator::Next(uint64_t i) {
  CG_ASSIGN_OR_RETURN(Draw d, DrawDistinct());
  Claim claim;
  Mention(d.subject, claim.mutable_subject());
  ++graph_.degree[d.subject];
  std::string target_text = SetTarget(&d, &claim);
  std::string sentence = Attribute(target_text, d.year, &claim);
  uint64_t doc = i * graph_.documents / options_.claims;
  Evidence* evidence = claim.add_evidence();
  *evidence->mutable_source() = DocumentSource(doc, graph_.documents);
  uint32_t start = static_cast<uint32_t>(rng_.Below(6000));
  evidence->set_start(start);
  evidence->set_end(start + static_cast<uint32_t>(sentence.size()));
  evidence->set_sentence(std::move(sentence));
  claim.set_confidence(0.5 + static_cast<double>(rng_.Below(51)) / 100.0);
  claim.set_extractor("synthetic-1");
  claim.set_recorded_at("2026-01-01T00:00:00Z");
  return claim;
}

}  // namespace

StatusOr<SynthGraph> GenerateClaims(
    const SynthOptions& options,
    const std::function<Status(const Claim&)>& sink) {
  Generator generator(options);
  for (uint64_t i = 0; i < options.claims; ++i) {
    CG_ASSIGN_OR_RETURN(Claim claim, generator.Next(i));
    CG_RETURN_IF_ERROR(sink(claim));
  }
  return generator.TakeGraph();
}

}  // namespace claimgraph::bench
