//! Who a phrase of a parsed sentence denotes, as CAMEO actor codes: a coded entity mention
//! ("Cuban President Miguel Diaz-Canel" → CUBGOV), a capital standing for its government
//! (Moscow → RUSGOV), an agent noun with the countries around it ("the presidents of Russia and
//! Cuba" → RUSGOV, CUBGOV; "Russian businessmen" → RUSBUS), or a personal pronoun resolved to
//! the nearest person before it ("He").

use super::tree::{is, Tree};
use crate::entities::{leading_country, Entity, EntityType};
use dyad_lexicon::{Entry, Lexicon, SECTORS};

/// An actor a phrase resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRef {
    /// The actor code.
    pub code: String,
    /// The byte span of the words that name it.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The entity the words refer to, if a named one.
    pub entity: Option<String>,
}

/// A document's coded mentions and agent nouns, the facts actor resolution reads.
#[derive(Debug, Clone, Default)]
pub struct DocumentActors {
    /// Entity mentions with their actor code (the entity's when the mention has none), in
    /// text order.
    mentions: Vec<Coded>,
    /// Agent-noun spans with their sector ("deputy finance minister" → GOV), in text order.
    agents: Vec<(usize, usize, String)>,
    /// The country the document is about: the one its places and nationalities name most,
    /// when one leads.
    home: Option<String>,
}

/// One coded mention.
#[derive(Debug, Clone)]
struct Coded {
    start: usize,
    end: usize,
    kind: EntityType,
    code: Option<String>,
    entity: String,
    capital: bool,
}

impl DocumentActors {
    /// Indexes the entities of a document and the agent nouns of its text.
    pub fn new(text: &str, entities: &[Entity], lexicon: &Lexicon) -> Self {
        let mut mentions = Vec::new();
        for e in entities {
            for m in &e.mentions {
                let surface = text.get(m.start..m.end).unwrap_or("");
                let capital = lexicon.lookup(surface).iter().any(|x| matches!(x, Entry::Capital(_)));
                let code = m.actor.clone().or_else(|| e.actor.clone());
                mentions.push(Coded {
                    start: m.start,
                    end: m.end,
                    kind: m.kind,
                    code,
                    entity: e.name.clone(),
                    capital,
                });
            }
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        let agents = lexicon
            .find(text)
            .into_iter()
            .filter_map(|m| {
                let entry = m.entries.iter().find(|e| matches!(e, Entry::Agent(_)))?;
                Some((m.start, m.end, lexicon.code(*entry).to_string()))
            })
            .collect();
        // The country named most often by place and nationality mentions, if one leads.
        let places =
            mentions.iter().filter(|m| matches!(m.kind, EntityType::Location | EntityType::Nationality));
        // Failing those, the country the coded organisations name most ("the Kenya
        // Anti-Corruption Commission" = KENGOV).
        let organisations = mentions.iter().filter(|m| m.kind == EntityType::Organization).filter_map(|m| {
            let prefix = m.code.as_deref()?.get(..3)?;
            lexicon.countries.iter().any(|c| c.code == prefix).then_some(prefix)
        });
        let home = leading_country(places.filter_map(|m| m.code.as_deref()), 1)
            .or_else(|| leading_country(organisations, 1));
        Self { mentions, agents, home }
    }

    /// Whether the byte span holds something an event's actor can come from: a coded mention
    /// or an agent noun. A sentence without one can hold no event.
    pub fn names_an_actor_in(&self, start: usize, end: usize) -> bool {
        let from = self.mentions.partition_point(|m| m.start < start);
        let coded = self.mentions[from..].iter().take_while(|m| m.start < end).any(|m| m.code.is_some());
        let from = self.agents.partition_point(|a| a.0 < start);
        coded || self.agents.get(from).is_some_and(|a| a.0 < end)
    }

    /// The mention covering the byte span, if any.
    fn covering(&self, start: usize, end: usize) -> Option<&Coded> {
        let after = self.mentions.partition_point(|m| m.start <= start);
        self.mentions[..after].iter().rev().take(8).find(|m| m.start <= start && end <= m.end)
    }

    /// The sector of an agent noun covering the byte span.
    fn agent(&self, start: usize, end: usize) -> Option<&str> {
        let after = self.agents.partition_point(|a| a.0 <= start);
        self.agents[..after].iter().rev().take(4).find(|a| a.0 <= start && end <= a.1).map(|a| a.2.as_str())
    }

    /// The nearest person mentioned before byte `at` whose code names an actor.
    fn person_before(&self, at: usize) -> Option<&Coded> {
        let before = self.mentions.partition_point(|m| m.end <= at);
        self.mentions[..before]
            .iter()
            .rev()
            .find(|m| m.kind == EntityType::Person && m.code.as_deref().is_some_and(codes_an_actor))
    }
}

/// Resolves phrases of one sentence to actors.
pub struct Resolver<'a> {
    /// The document's facts.
    pub doc: &'a DocumentActors,
    /// The sentence.
    pub tree: &'a Tree<'a>,
    /// The lexicon, for country codes.
    pub lexicon: &'a Lexicon,
}

impl Resolver<'_> {
    /// The actors of the phrase headed by `i` and of its conjuncts ("Russia and Cuba"); when
    /// the head itself names none, the nearest actor inside the phrase (breadth first, not
    /// entering clauses). Pronouns resolve only when `pronouns` is set.
    pub fn phrase(&self, i: usize, pronouns: bool) -> Vec<ActorRef> {
        let mut out = Vec::new();
        for member in self.conjuncts(i) {
            let found = self.head(member, pronouns);
            let found = if found.is_empty() { self.inside(member) } else { self.refined(member, found) };
            for a in found {
                if !out.iter().any(|b: &ActorRef| b.code == a.code) {
                    out.push(a);
                }
            }
        }
        out
    }

    /// A bare country refined by an apposition naming an actor of that country with a sector
    /// ("Russia, its president Putin" or a misparsed "Russia's Vladimir Putin" → RUSGOV).
    fn refined(&self, i: usize, found: Vec<ActorRef>) -> Vec<ActorRef> {
        let [only] = found.as_slice() else { return found };
        if only.code.len() != 3 {
            return found;
        }
        let finer = self
            .tree
            .children(i, "appos")
            .flat_map(|a| self.head(a, false))
            .find(|a| a.code.len() > 3 && a.code.starts_with(only.code.as_str()));
        finer.map_or(found, |f| vec![f])
    }

    /// `i` and the words coordinated with it.
    fn conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() && out.len() < 400 {
            out.extend(self.tree.children(out[k], "conj"));
            k += 1;
        }
        out
    }

    /// The first actors found inside the phrase of `i`, breadth first, with those coordinated
    /// with them, not entering clauses unless the phrase is a free relative ("denounced what
    /// they called U.S. interference").
    fn inside(&self, i: usize) -> Vec<ActorRef> {
        let free_relative = matches!(self.tree.nodes[i].xpos, "WP" | "WDT");
        let clause = |c: usize| {
            if free_relative {
                return false;
            }
            let rel = self.tree.nodes[c].rel;
            ["acl", "advcl", "ccomp", "parataxis", "conj"].iter().any(|r| is(rel, r)) || self.tree.verb(c)
        };
        let order = self.tree.breadth_first(i, clause);
        let Some(first) = order.into_iter().skip(1).find(|w| !self.head(*w, false).is_empty()) else {
            return Vec::new();
        };
        // With the words coordinated with it: "relations with Congo and Costa Rica".
        let mut out: Vec<ActorRef> = Vec::new();
        for a in self.conjuncts(first).into_iter().flat_map(|m| self.head(m, false)) {
            if !out.iter().any(|b| b.code == a.code) {
                out.push(a);
            }
        }
        out
    }

    /// The actors the word `i` names as the head of its phrase.
    fn head(&self, i: usize, pronouns: bool) -> Vec<ActorRef> {
        let node = &self.tree.nodes[i];
        if node.xpos == "PRP" {
            if !pronouns || !matches!(node.lower.as_str(), "he" | "she" | "him" | "her") {
                return Vec::new();
            }
            return self
                .doc
                .person_before(node.start)
                .and_then(|p| {
                    let code = p.code.clone()?;
                    Some(ActorRef { code, start: node.start, end: node.end, entity: Some(p.entity.clone()) })
                })
                .into_iter()
                .collect();
        }
        let covering = self.doc.covering(node.start, node.end);
        if let Some((m, code)) =
            covering.and_then(|m| Some((m, m.code.as_ref().filter(|c| codes_an_actor(c))?)))
        {
            let code = if m.capital && code.len() == 3 { format!("{code}GOV") } else { code.clone() };
            let entity = (m.kind == EntityType::Person || m.kind == EntityType::Organization)
                .then(|| m.entity.clone());
            return vec![ActorRef { code, start: m.start, end: m.end, entity }];
        }
        // An agent noun, or a name after its title ("Judge Alejandro Rivera", "Vice-President
        // Moody Awori"): the title's sector.
        let title = || {
            let titles = self.tree.nodes[i].children.iter().filter(|c| {
                let rel = self.tree.nodes[**c].rel;
                ["compound", "nmod:desc", "amod", "flat"].iter().any(|r| is(rel, r))
            });
            titles.filter_map(|c| self.doc.agent(self.tree.nodes[*c].start, self.tree.nodes[*c].end)).next()
        };
        // Only a noun heading its phrase is an agent: "general" in "a general strike" is no
        // general.
        let modifier = is(node.rel, "compound") && node.head.is_some_and(|h| self.tree.noun(h));
        let agent = (node.xpos.starts_with("NN") && !modifier)
            .then(|| self.doc.agent(node.start, node.end))
            .flatten();
        let Some(sector) = agent.or_else(title) else { return Vec::new() };
        let (start, end) = self.tree.span(i);
        let mut owners = self.owners(i);
        // "the judge", "government officials": an agent of no named country is of the country
        // the document is about, when one leads.
        if owners.is_empty() {
            if let Some(home) = &self.doc.home {
                owners.push(ActorRef { code: home.clone(), start, end, entity: None });
            }
        }
        owners
            .into_iter()
            .map(|owner| {
                let code = match self.country(&owner.code) {
                    Some(country) => format!("{country}{sector}"),
                    None => owner.code.clone(),
                };
                ActorRef { code, start, end, entity: owner.entity }
            })
            .collect()
    }

    /// The actors an agent noun belongs to: coded words among its modifiers ("Russian",
    /// "Russia's", "of Russia and Cuba", "U.S." in "U.S. officials").
    fn owners(&self, i: usize) -> Vec<ActorRef> {
        let modifiers = ["amod", "compound", "nmod", "flat", "appos"];
        let tree = self.tree;
        for c in tree.nodes[i].children.clone() {
            let rel = tree.nodes[c].rel;
            if !modifiers.iter().any(|m| is(rel, m)) {
                continue;
            }
            // "presidents of Russia", "rebels in Darfur", "officials from Kabul"; not "talks with X".
            let other_phrase = is(rel, "nmod")
                && !is(rel, "nmod:poss")
                && !matches!(tree.preposition(c), Some("of" | "in" | "from") | None);
            if other_phrase {
                continue;
            }
            let found: Vec<ActorRef> =
                self.conjuncts(c).into_iter().flat_map(|m| self.head(m, false)).collect();
            if !found.is_empty() {
                return found;
            }
            // "the Bush administration", "the Blair government": a leader's name before the
            // body they lead gives its country, in office at the document date or not.
            let node = &tree.nodes[c];
            if is(rel, "compound") && node.xpos == "NNP" {
                if let Some(country) = self.lexicon.officials.country(&node.lower, true) {
                    return vec![ActorRef {
                        code: country.to_string(),
                        start: node.start,
                        end: node.end,
                        entity: None,
                    }];
                }
            }
        }
        Vec::new()
    }

    /// The lexicon country of an actor code, if it has one.
    pub fn country_of(&self, code: &str) -> Option<String> {
        let prefix = code.get(..3)?;
        self.lexicon.countries.iter().any(|c| c.code == prefix).then(|| prefix.to_string())
    }

    /// The country part of an actor code, to which an agent's sector is added: its first
    /// three letters, unless the code is an organisation's (IGO…, NGO…) or a region's.
    fn country(&self, code: &str) -> Option<String> {
        let prefix = code.get(..3)?;
        let organisation = prefix == "IGO" || prefix == "NGO";
        let region = self.lexicon.regions.iter().any(|r| r.code == prefix);
        (!organisation && !region && !SECTORS.contains(&prefix)).then(|| prefix.to_string())
    }
}

/// Whether a code names an actor: an organisation's, or anything but sector codes alone
/// ("GOV" says whose government it is not). Overlays may bring actor codes of their own
/// ("ARN").
fn codes_an_actor(code: &str) -> bool {
    let sectors_only = code.len().is_multiple_of(3)
        && (0..code.len() / 3).all(|k| code.get(3 * k..3 * k + 3).is_some_and(|s| SECTORS.contains(&s)));
    let organisation = code.starts_with("IGO") || code.starts_with("NGO");
    !code.is_empty() && (organisation || !sectors_only)
}
