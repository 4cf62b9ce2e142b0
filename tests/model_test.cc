// The claim model: name normalisation, claim identity, merging of evidence,
// contradictions, and the JSON round trip of a Claim.

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "export/jsonl.h"
#include "load/load.h"
#include "model/claim.h"
#include "model/names.h"

namespace claimgraph {
namespace {

// --- NormalizeName ---------------------------------------------------------

TEST(NormalizeNameTest, FoldsCasePunctuationAndSpaces) {
  EXPECT_EQ(NormalizeName("U.S. Immigration  and Customs Enforcement"),
            "us immigration and customs enforcement");
  EXPECT_EQ(NormalizeName("U.S. Immigration  and Customs Enforcement"),
            NormalizeName("us immigration and customs enforcement"));
  EXPECT_EQ(NormalizeName("  ICE\t"), "ice");
  EXPECT_EQ(NormalizeName("ICE"), NormalizeName("ice"));
  EXPECT_NE(NormalizeName("ICE"), NormalizeName("CBP"));
}

TEST(NormalizeNameTest, DashesAndUnderscoresBecomeSpaces) {
  EXPECT_EQ(NormalizeName("facial-recognition"), "facial recognition");
  EXPECT_EQ(NormalizeName("facial_recognition"), "facial recognition");
  EXPECT_EQ(NormalizeName("facial\u2013recognition"), "facial recognition");
  EXPECT_EQ(NormalizeName("a - b"), "a b");
}

TEST(NormalizeNameTest, OtherPunctuationIsRemoved) {
  EXPECT_EQ(NormalizeName("AT&T"), "att");
  EXPECT_EQ(NormalizeName("(CBP)"), "cbp");
  EXPECT_EQ(NormalizeName("\"ImmigrationOS\""), "immigrationos");
  EXPECT_EQ(NormalizeName("Palantir, Inc."), "palantir inc");
}

TEST(NormalizeNameTest, FullwidthLettersAreNfkcFolded) {
  // "ＩＣＥ" in fullwidth forms.
  EXPECT_EQ(NormalizeName("\uFF29\uFF23\uFF25"), "ice");
  EXPECT_EQ(NormalizeName("\uFF29\uFF23\uFF25"), NormalizeName("ICE"));
  // Ligature "ﬁ" decomposes under NFKC.
  EXPECT_EQ(NormalizeName("\uFB01le"), "file");
}

TEST(NormalizeNameTest, CurlyAndStraightApostrophesAgree) {
  std::string straight = NormalizeName("Harris County Sheriff's Office");
  std::string curly = NormalizeName("Harris County Sheriff\u2019s Office");
  EXPECT_EQ(straight, curly);
  EXPECT_EQ(straight, "harris county sheriffs office");
  EXPECT_EQ(NormalizeName("Tohono O'odham Nation"),
            NormalizeName("TOHONO O\u2019ODHAM NATION"));
}

TEST(NormalizeNameTest, NonAsciiLettersAreKeptAndCaseFolded) {
  EXPECT_EQ(NormalizeName("Luis Cant\u00fa"), "luis cant\u00fa");
  EXPECT_EQ(NormalizeName("LUIS CANT\u00da"), "luis cant\u00fa");
  // Composed and decomposed forms agree.
  EXPECT_EQ(NormalizeName("Cantu\u0301"), NormalizeName("Cant\u00fa"));
  // German sharp s case-folds to "ss".
  EXPECT_EQ(NormalizeName("Stra\u00dfe"), NormalizeName("STRASSE"));
}

TEST(NormalizeNameTest, EmptyAndPunctuationOnly) {
  EXPECT_EQ(NormalizeName(""), "");
  EXPECT_EQ(NormalizeName("   "), "");
  EXPECT_EQ(NormalizeName("..."), "");
}

TEST(NormalizeNameTest, InvalidUtf8DoesNotCrash) {
  std::string out = NormalizeName("bad \xff\xc3 name");
  EXPECT_NE(out.find("bad"), std::string::npos);
  EXPECT_NE(out.find("name"), std::string::npos);
}

TEST(NormalizePredicateTest, LowercasesAndFoldsSpacesKeepsPunctuation) {
  EXPECT_EQ(NormalizePredicate("Has  Contracted"), "has contracted");
  EXPECT_EQ(NormalizePredicate(" part_of "), "part_of");
  EXPECT_EQ(CollapseSpaces("  A   b\tC "), "A b C");
}

// --- Claim helpers ----------------------------------------------------------

Claim ObjectClaim(uint64_t subject_id, const std::string& predicate,
                  uint64_t object_id) {
  Claim claim;
  claim.mutable_subject()->set_id(subject_id);
  claim.mutable_subject()->set_name("S" + std::to_string(subject_id));
  claim.set_predicate(predicate);
  claim.mutable_object()->set_id(object_id);
  claim.mutable_object()->set_name("O" + std::to_string(object_id));
  return claim;
}

Claim ValueClaim(uint64_t subject_id, const std::string& predicate,
                 double amount, const std::string& unit) {
  Claim claim;
  claim.mutable_subject()->set_id(subject_id);
  claim.mutable_subject()->set_name("S" + std::to_string(subject_id));
  claim.set_predicate(predicate);
  claim.mutable_value()->set_amount(amount);
  claim.mutable_value()->set_unit(unit);
  return claim;
}

void AddEvidence(Claim* claim, const std::string& outlet,
                 const std::string& url, const std::string& sentence) {
  Evidence* e = claim->add_evidence();
  e->set_sentence(sentence);
  e->mutable_source()->set_outlet(outlet);
  e->mutable_source()->set_url(url);
}

void AddQualifier(Claim* claim, const std::string& key,
                  const std::string& value) {
  Qualifier* q = claim->add_qualifiers();
  q->set_key(key);
  q->set_value(value);
}

TEST(EntityTypeTest, NamesRoundTrip) {
  for (EntityType type : {AGENCY, PERSON, COMPANY, ORGANIZATION, PROGRAM,
                          LOCATION, STATISTIC, EVENT, DOCUMENT, OTHER}) {
    StatusOr<EntityType> parsed = ParseEntityType(EntityTypeName(type));
    ASSERT_TRUE(parsed.ok()) << EntityTypeName(type);
    EXPECT_EQ(*parsed, type);
  }
  EXPECT_EQ(*ParseEntityType("agency"), AGENCY);
  EXPECT_EQ(EntityTypeName(ENTITY_TYPE_UNSPECIFIED), "OTHER");
  StatusOr<EntityType> bad = ParseEntityType("AGENCYX");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("AGENCYX"), std::string::npos);
}

TEST(ValidateClaimTest, NamesTheMissingField) {
  Claim good = ObjectClaim(1, "contract", 2);
  EXPECT_TRUE(ValidateClaim(good).ok());

  Claim no_subject = good;
  no_subject.mutable_subject()->set_name("  ");
  Status s = ValidateClaim(no_subject);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("subject"), std::string::npos) << s.message();

  Claim no_predicate = good;
  no_predicate.set_predicate("");
  s = ValidateClaim(no_predicate);
  EXPECT_NE(s.message().find("predicate"), std::string::npos) << s.message();

  Claim no_target = good;
  no_target.clear_object();
  s = ValidateClaim(no_target);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("object"), std::string::npos) << s.message();

  Claim bad_confidence = good;
  bad_confidence.set_confidence(1.5);
  EXPECT_FALSE(ValidateClaim(bad_confidence).ok());
}

TEST(NormalizeClaimTest, DefaultsAndDocumentIds) {
  Claim claim = ObjectClaim(1, "  Has   Contracted ", 2);
  AddEvidence(&claim, "Outlet", "https://example.org/a", "S.");
  AddEvidence(&claim, "Other", "", "T.");
  claim.mutable_evidence(1)->mutable_source()->set_title("Title");
  claim.mutable_evidence(1)->mutable_source()->set_published("2025-01-02");
  NormalizeClaim(&claim);
  EXPECT_EQ(claim.predicate(), "has contracted");
  EXPECT_DOUBLE_EQ(claim.confidence(), 1.0);
  EXPECT_EQ(claim.attribution().stance(), ASSERTED);
  EXPECT_EQ(claim.evidence(0).source().document_id(), "https://example.org/a");
  EXPECT_EQ(claim.evidence(1).source().document_id(), "Other|Title|2025-01-02");
  Source explicit_id;
  explicit_id.set_document_id("doc-7");
  explicit_id.set_url("https://example.org/b");
  EXPECT_EQ(DocumentIdFor(explicit_id), "doc-7");
  EXPECT_EQ(DocumentIdFor(Source()), "");
}

TEST(ClaimIdentityTest, SameClaimWithDifferentEvidenceIsEqual) {
  Claim a = ObjectClaim(1, "contract", 2);
  AddEvidence(&a, "Capitol Tech Review", "https://example.org/a", "One.");
  a.set_confidence(0.9);
  Claim b = ObjectClaim(1, "contract", 2);
  AddEvidence(&b, "Border Monitor", "https://example.org/b", "Two.");
  AddEvidence(&b, "Valley Ledger", "https://example.org/c", "Three.");
  b.set_confidence(0.5);
  b.set_predicate_text("has contracted");
  // Non-key qualifiers do not count.
  AddQualifier(&b, "purpose", "build ImmigrationOS");
  EXPECT_EQ(ClaimIdentity(a), ClaimIdentity(b));
}

TEST(ClaimIdentityTest, DifferentPartsGiveDifferentIdentities) {
  Claim base = ObjectClaim(1, "contract", 2);
  EXPECT_NE(ClaimIdentity(base), ClaimIdentity(ObjectClaim(1, "contract", 3)));
  EXPECT_NE(ClaimIdentity(base), ClaimIdentity(ObjectClaim(3, "contract", 2)));
  EXPECT_NE(ClaimIdentity(base), ClaimIdentity(ObjectClaim(1, "fund", 2)));
  // Subject/object swapped.
  EXPECT_NE(ClaimIdentity(base), ClaimIdentity(ObjectClaim(2, "contract", 1)));

  Claim v = ValueClaim(1, "detain", 1461, "immigrants");
  EXPECT_NE(ClaimIdentity(v),
            ClaimIdentity(ValueClaim(1, "detain", 1104, "immigrants")));
  EXPECT_NE(ClaimIdentity(v),
            ClaimIdentity(ValueClaim(1, "detain", 1461, "vehicles")));
  EXPECT_EQ(ClaimIdentity(v),
            ClaimIdentity(ValueClaim(1, "detain", 1461, "immigrants")));
  // A value and an entity with the same number are different targets.
  EXPECT_NE(ClaimIdentity(ValueClaim(1, "contract", 2, "")),
            ClaimIdentity(base));

  Claim bounded = v;
  bounded.mutable_value()->set_lower_bound(1461);
  EXPECT_NE(ClaimIdentity(v), ClaimIdentity(bounded));
}

// The unit is part of a value's identity; "%" is the documented unit of
// percentages and must not be folded away.
TEST(ClaimIdentityTest, PercentIsADifferentUnitFromNone) {
  EXPECT_NE(ClaimIdentity(ValueClaim(1, "capture", 76, "%")),
            ClaimIdentity(ValueClaim(1, "capture", 76, "")));
  Claim percent = ValueClaim(1, "capture", 76, "%");
  percent.set_id(1);
  Claim plain = ValueClaim(1, "capture", 81, "");
  plain.set_id(2);
  EXPECT_TRUE(FindContradictions({percent, plain}).empty());
}

TEST(ClaimIdentityTest, UnitsAreComparedCaseInsensitively) {
  EXPECT_EQ(ClaimIdentity(ValueClaim(1, "cost", 5, "USD")),
            ClaimIdentity(ValueClaim(1, "cost", 5, "usd")));
  EXPECT_NE(ClaimIdentity(ValueClaim(1, "cost", 5, "USD")),
            ClaimIdentity(ValueClaim(1, "cost", 5, "EUR")));
}

TEST(ClaimIdentityTest, KeyQualifiersCountAndAreOrderIndependent) {
  EXPECT_TRUE(IsKeyQualifier("time"));
  EXPECT_TRUE(IsKeyQualifier("place"));
  EXPECT_FALSE(IsKeyQualifier("purpose"));

  Claim a = ValueClaim(1, "detain", 1461, "immigrants");
  AddQualifier(&a, "time", "May 2025");
  AddQualifier(&a, "place", "Massachusetts");
  Claim b = ValueClaim(1, "detain", 1461, "immigrants");
  AddQualifier(&b, "place", "Massachusetts");
  AddQualifier(&b, "time", "May 2025");
  EXPECT_EQ(ClaimIdentity(a), ClaimIdentity(b));

  Claim c = ValueClaim(1, "detain", 1461, "immigrants");
  AddQualifier(&c, "time", "June 2025");
  AddQualifier(&c, "place", "Massachusetts");
  EXPECT_NE(ClaimIdentity(a), ClaimIdentity(c));

  Claim d = ValueClaim(1, "detain", 1461, "immigrants");
  AddQualifier(&d, "time", "May 2025");
  EXPECT_NE(ClaimIdentity(a), ClaimIdentity(d));

  // Key qualifier values are compared after name normalisation.
  Claim e = ValueClaim(1, "detain", 1461, "immigrants");
  AddQualifier(&e, "time", "may  2025");
  AddQualifier(&e, "place", "MASSACHUSETTS");
  EXPECT_EQ(ClaimIdentity(a), ClaimIdentity(e));
}

// A denial of a claim is not a second statement of it: it must not merge
// into the affirmed claim (and count as corroboration), and it contradicts it.
TEST(ClaimIdentityTest, DenialIsADifferentClaimThatContradicts) {
  Claim affirmed = ObjectClaim(1, "surveil", 2);
  affirmed.set_id(1);
  affirmed.mutable_attribution()->set_stance(ASSERTED);
  Claim reported = ObjectClaim(1, "surveil", 2);
  reported.set_id(2);
  reported.mutable_attribution()->set_stance(REPORTED);
  Claim denied = ObjectClaim(1, "surveil", 2);
  denied.set_id(3);
  denied.mutable_attribution()->set_stance(DENIED);
  Claim questioned = ObjectClaim(1, "surveil", 2);
  questioned.set_id(4);
  questioned.mutable_attribution()->set_stance(QUESTIONED);

  EXPECT_EQ(ClaimIdentity(affirmed), ClaimIdentity(reported));
  EXPECT_EQ(ClaimIdentity(affirmed),
            ClaimIdentity(ObjectClaim(1, "surveil", 2)));
  EXPECT_NE(ClaimIdentity(affirmed), ClaimIdentity(denied));
  EXPECT_NE(ClaimIdentity(affirmed), ClaimIdentity(questioned));
  EXPECT_NE(ClaimIdentity(denied), ClaimIdentity(questioned));

  auto found = FindContradictions({affirmed, reported, denied, questioned});
  EXPECT_EQ(found[1], std::vector<uint64_t>({3}));
  EXPECT_EQ(found[2], std::vector<uint64_t>({3}));
  EXPECT_EQ(found[3], std::vector<uint64_t>({1, 2}));
  // Questioning is doubt, not contradiction.
  EXPECT_EQ(found.count(4), 0u);

  // A denial of another object contradicts nothing.
  Claim other = ObjectClaim(1, "surveil", 5);
  other.set_id(5);
  other.mutable_attribution()->set_stance(DENIED);
  EXPECT_TRUE(FindContradictions({affirmed, other}).empty());
}

TEST(MergeClaimTest, DedupesEvidenceAndKeepsTheHigherConfidence) {
  Claim into = ObjectClaim(1, "contract", 2);
  AddEvidence(&into, "Capitol Tech Review", "https://example.org/a", "One.");
  into.set_confidence(0.6);
  NormalizeClaim(&into);

  Claim from = ObjectClaim(1, "contract", 2);
  AddEvidence(&from, "Capitol Tech Review", "https://example.org/a", "One.");
  AddEvidence(&from, "Border Monitor", "https://example.org/b", "Two.");
  AddQualifier(&from, "purpose", "build ImmigrationOS");
  from.set_confidence(0.9);
  NormalizeClaim(&from);

  MergeClaim(from, &into);
  ASSERT_EQ(into.evidence_size(), 2);
  EXPECT_EQ(into.evidence(0).sentence(), "One.");
  EXPECT_EQ(into.evidence(1).sentence(), "Two.");
  EXPECT_DOUBLE_EQ(into.confidence(), 0.9);
  ASSERT_EQ(into.qualifiers_size(), 1);
  EXPECT_EQ(into.qualifiers(0).key(), "purpose");
  EXPECT_EQ(DistinctOutlets(into), 2);

  // Merging again changes nothing.
  Claim before = into;
  MergeClaim(from, &into);
  EXPECT_EQ(into.SerializeAsString(), before.SerializeAsString());

  // The same document with another sentence is new evidence.
  Claim third = ObjectClaim(1, "contract", 2);
  AddEvidence(&third, "Capitol Tech Review", "https://example.org/a",
              "Another sentence.");
  NormalizeClaim(&third);
  MergeClaim(third, &into);
  EXPECT_EQ(into.evidence_size(), 3);
  EXPECT_EQ(DistinctOutlets(into), 2);
}

TEST(MergeClaimTest, TakesAttributionWhenIntoHasNone) {
  Claim into = ObjectClaim(1, "contract", 2);
  Claim from = ObjectClaim(1, "contract", 2);
  from.mutable_attribution()->mutable_speaker()->set_name("Leah Foley");
  from.mutable_attribution()->set_cue("announced");
  from.mutable_attribution()->set_stance(REPORTED);
  MergeClaim(from, &into);
  EXPECT_EQ(into.attribution().speaker().name(), "Leah Foley");
  EXPECT_EQ(into.attribution().stance(), REPORTED);
  EXPECT_TRUE(IsAttributedOrDisputed(into));
}

TEST(FormatQuantityTest, Renderings) {
  Quantity q;
  q.set_amount(76);
  q.set_unit("%");
  EXPECT_EQ(FormatQuantity(q), "76%");
  q.set_amount(30000000);
  q.set_unit("USD");
  EXPECT_EQ(FormatQuantity(q), "30,000,000 USD");
  q.set_amount(1461);
  q.set_unit("immigrants");
  q.set_approximate_cue("nearly");
  EXPECT_EQ(FormatQuantity(q), "nearly 1,461 immigrants");
  q.set_text("nearly 1,500 arrests");
  EXPECT_EQ(FormatQuantity(q), "nearly 1,500 arrests");
}

TEST(FindContradictionsTest, SameClaimDifferentAmounts) {
  Claim foley = ValueClaim(10, "detain", 1461, "immigrants");
  foley.set_id(1);
  AddQualifier(&foley, "place", "Massachusetts");
  Claim court = ValueClaim(10, "detain", 1104, "immigrants");
  court.set_id(2);
  AddQualifier(&court, "place", "Massachusetts");
  // Same figure again from another outlet: agrees with claim 1.
  Claim again = ValueClaim(10, "detain", 1461, "immigrants");
  again.set_id(5);
  AddQualifier(&again, "place", "Massachusetts");
  // Different place, unit, predicate or subject: no contradiction.
  Claim elsewhere = ValueClaim(10, "detain", 900, "immigrants");
  elsewhere.set_id(3);
  AddQualifier(&elsewhere, "place", "Texas");
  Claim other_unit = ValueClaim(10, "detain", 7, "vehicles");
  other_unit.set_id(4);
  AddQualifier(&other_unit, "place", "Massachusetts");
  Claim other_subject = ValueClaim(11, "detain", 3, "immigrants");
  other_subject.set_id(6);
  AddQualifier(&other_subject, "place", "Massachusetts");
  Claim object_claim = ObjectClaim(10, "detain", 2);
  object_claim.set_id(7);

  auto found = FindContradictions({foley, court, again, elsewhere, other_unit,
                                   other_subject, object_claim});
  ASSERT_TRUE(found.contains(1));
  ASSERT_TRUE(found.contains(2));
  EXPECT_EQ(found[1], std::vector<uint64_t>({2}));
  EXPECT_EQ(found[5], std::vector<uint64_t>({2}));
  std::vector<uint64_t> against_court = found[2];
  std::sort(against_court.begin(), against_court.end());
  EXPECT_EQ(against_court, std::vector<uint64_t>({1, 5}));
  for (uint64_t id : {3, 4, 6, 7}) {
    EXPECT_FALSE(found.contains(id)) << "claim " << id;
  }
  EXPECT_TRUE(FindContradictions({foley, again}).empty());
  EXPECT_TRUE(FindContradictions({}).empty());
}

// --- JSON round trip --------------------------------------------------------

Claim FullClaim() {
  Claim claim;
  claim.set_id(42);
  Entity* subject = claim.mutable_subject();
  subject->set_id(7);
  subject->set_name("ICE");
  subject->set_type(AGENCY);
  subject->add_aliases("U.S. Immigration and Customs Enforcement");
  subject->set_description("An agency \"in quotes\"");
  claim.set_predicate("detain");
  claim.set_predicate_text("detained");
  Quantity* value = claim.mutable_value();
  value->set_amount(1461);
  value->set_unit("immigrants");
  value->set_approximate(true);
  value->set_approximate_cue("more than");
  value->set_lower_bound(1461);
  value->set_lower_inclusive(false);
  value->set_text("more than 1,461 immigrants");
  AddQualifier(&claim, "place", "Massachusetts");
  AddQualifier(&claim, "event", "Operation Granite Harbor");
  Attribution* attribution = claim.mutable_attribution();
  attribution->mutable_speaker()->set_id(9);
  attribution->mutable_speaker()->set_name("Leah Foley");
  attribution->mutable_speaker()->set_type(PERSON);
  attribution->mutable_speaker()->set_title("U.S. Attorney");
  attribution->set_cue("announced");
  attribution->set_stance(REPORTED);
  attribution->set_quote("We arrested \u201cmore than\u201d 1,461.");
  Evidence* e = claim.add_evidence();
  e->set_sentence("Foley said ICE detained 1,461 \u2014 Luis Cant\u00fa \\ ok");
  e->set_start(10);
  e->set_end(70);
  e->set_extractor("manual");
  Source* s = e->mutable_source();
  s->set_document_id("https://example.org/nejr/1");
  s->set_url("https://example.org/nejr/1");
  s->set_outlet("Northeast Justice Report");
  s->set_title("Granite Harbor");
  s->set_author("A. Writer");
  s->set_published("2025-05-30");
  s->set_retrieved("2025-06-01");
  s->set_content_hash("abc123");
  claim.set_confidence(0.85);
  claim.set_extractor("test");
  claim.set_recorded_at("2025-06-01T12:00:00Z");
  return claim;
}

TEST(JsonRoundTripTest, ClaimSurvivesClaimToJsonLineAndReadJsonl) {
  Claim claim = FullClaim();
  StatusOr<std::string> line = ClaimToJsonLine(claim);
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  EXPECT_EQ(line->find('\n'), std::string::npos);
  // Proto field names and bare enum names, not camelCase.
  EXPECT_NE(line->find("\"predicate_text\""), std::string::npos) << *line;
  EXPECT_NE(line->find("\"approximate_cue\""), std::string::npos) << *line;
  EXPECT_NE(line->find("\"AGENCY\""), std::string::npos) << *line;
  EXPECT_NE(line->find("\"REPORTED\""), std::string::npos) << *line;
  // Store ids are left out.
  EXPECT_EQ(line->find("\"id\""), std::string::npos) << *line;

  std::istringstream in(*line + "\n");
  StatusOr<ReadResult> read = ReadJsonl(in, "round.jsonl", ReadOptions());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->claims.size(), 1u);
  EXPECT_EQ(read->claims[0].where, "round.jsonl:1");

  Claim expected = claim;
  expected.clear_id();
  expected.mutable_subject()->clear_id();
  expected.mutable_attribution()->mutable_speaker()->clear_id();
  const Claim& got = read->claims[0].claim;
  EXPECT_EQ(got.SerializeAsString(), expected.SerializeAsString())
      << got.DebugString() << "\nvs\n"
      << expected.DebugString();
  // And writing it again gives the same line.
  StatusOr<std::string> again = ClaimToJsonLine(got);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *line);
}

TEST(JsonRoundTripTest, ObjectClaimRoundTrip) {
  Claim claim = ObjectClaim(3, "contract", 4);
  claim.mutable_object()->set_type(COMPANY);
  claim.mutable_object()->add_aliases("Palantir");
  AddEvidence(&claim, "Capitol Tech Review", "https://example.org/a",
              "ICE has contracted Palantir.");
  claim.set_confidence(0.92);
  StatusOr<std::string> line = ClaimToJsonLine(claim);
  ASSERT_TRUE(line.ok());
  std::istringstream in(*line);
  StatusOr<ReadResult> read = ReadJsonl(in, "x.jsonl", ReadOptions());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->claims.size(), 1u);
  const Claim& got = read->claims[0].claim;
  EXPECT_TRUE(got.has_object());
  EXPECT_EQ(got.object().name(), "O4");
  EXPECT_EQ(got.object().type(), COMPANY);
  EXPECT_EQ(got.object().id(), 0u);
  EXPECT_EQ(got.evidence(0).source().outlet(), "Capitol Tech Review");
  EXPECT_DOUBLE_EQ(got.confidence(), 0.92);
}

}  // namespace
}  // namespace claimgraph
