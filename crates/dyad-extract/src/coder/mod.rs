//! The event coder: who did what to whom, from a parsed document, the entity layer, the time
//! layer and the event lexicon.
//!
//! Only the sentences that can hold an event (a word with event patterns and something an actor
//! can come from) or a time expression are parsed; parsing is nearly all the cost.
//!
//! For every verb and common noun of a sentence (shallowest first, so that "vowed" is seen
//! before the "strengthen" it governs), the trigger's patterns are tried most constrained
//! first; the first whose constraints hold codes the event. The source is the subject (the
//! `by` agent of a passive, the possessor or nationality of a noun trigger, the subject
//! inherited through `xcomp`, `conj` and `advcl`); the target is the first actor in the
//! pattern's target slots. Coordinated actors give one event each. Modality comes from the
//! cue words of `modality.tsv` around the trigger, the date from [`crate::time::event_date`],
//! the place from an `in`/`at` phrase. Events with the same source, target, code and date are
//! merged into one record that counts its mentions.

pub mod actors;
pub mod tree;

use crate::entities::{find_entities, Entity};
use crate::event::{Actor, DateSource, Event, EventAmount, Location, Modality, Span};
use crate::money::{amounts, Amount, Kind};
use crate::time::{event_date, find_in_document, find_times, Date, EventDate, Tense, Timex};
use actors::{ActorRef, DocumentActors, Resolver};
use dyad_lexicon::events::{Cue, EventLexicon, Pattern, Slot, TriggerPos};
use dyad_lexicon::{Entry, Lexicon};
use dyad_nlp::analyze::Pipeline;
use tree::{is, Tree};

/// A document to code.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its text.
    pub text: &'a str,
    /// Its creation date, if known.
    pub dct: Option<Date>,
}

/// Everything the coder finds in a document.
#[derive(Debug, Clone)]
pub struct Coded {
    /// The event records, in text order.
    pub events: Vec<Event>,
    /// The entities and their mentions.
    pub entities: Vec<Entity>,
    /// The temporal expressions.
    pub times: Vec<Timex>,
    /// The amounts.
    pub amounts: Vec<Amount>,
    /// Number of sentences.
    pub sentences: usize,
}

/// The coder: the language pipeline (with the parser), the actor lexicon and the event lexicon.
pub struct Coder<'a> {
    /// The language pipeline; it must parse.
    pub pipeline: &'a Pipeline,
    /// Countries, organisations, agents, places.
    pub lexicon: &'a Lexicon,
    /// Codes, patterns and modality cues.
    pub events: &'a EventLexicon,
}

/// One coded mention of an event, before merging.
struct Found {
    sentence: usize,
    code: String,
    source: ActorRef,
    target: Option<ActorRef>,
    pattern: Pattern,
    trigger: (usize, usize),
    date: (Option<String>, DateSource),
    location: Option<Location>,
    amounts: Vec<EventAmount>,
    modality: Modality,
    confidence: f64,
    path: String,
}

impl Coder<'_> {
    /// Codes one document.
    pub fn code(&self, doc: &Document<'_>) -> Coded {
        let text = doc.text;
        let mut sentences = self.pipeline.analyze_unparsed(text);
        let date = doc.dct.map(|d| d.year as u32 * 10_000 + d.month * 100 + d.day);
        let entities = find_entities(text, &sentences, self.pipeline.tagger(), self.lexicon, date);
        let actors = DocumentActors::new(text, &entities, self.lexicon);
        // Parsing is nearly all the cost: only sentences that can hold an event, or whose time
        // expressions take the tense of their clause, are parsed.
        let events: Vec<bool> = sentences.iter().map(|s| self.may_hold_event(text, s, &actors)).collect();
        let parse: Vec<bool> = sentences
            .iter()
            .zip(&events)
            .map(|(s, e)| {
                *e || sentence_text(text, s).is_some_and(|t| !find_times(t, None, Tense::Present).is_empty())
            })
            .collect();
        self.pipeline.parse_where(text, &mut sentences, |n| parse[n]);
        let times = find_in_document(text, &sentences, self.pipeline.tagger(), doc.dct);
        let amounts = amounts(text);
        let mut found = Vec::new();
        for (n, sentence) in sentences.iter().enumerate().filter(|(n, _)| events[*n]) {
            let tree = Tree::new(text, sentence, self.pipeline);
            let resolver = Resolver { doc: &actors, tree: &tree, lexicon: self.lexicon };
            let context =
                Context { doc, n, tree: &tree, resolver: &resolver, times: &times, amounts: &amounts };
            self.sentence(&context, sentence, &mut found);
        }
        let events = self.records(doc, found);
        Coded { events, entities, times, amounts, sentences: sentences.len() }
    }

    /// Whether a tagged sentence can hold an event: a word with event patterns for its part of
    /// speech, and something an actor can come from (a coded mention, an agent noun, or a
    /// personal pronoun standing for a person named before).
    fn may_hold_event(&self, text: &str, s: &dyad_nlp::analyze::Sentence, actors: &DocumentActors) -> bool {
        let (Some(first), Some(last)) = (s.tokens.first(), s.tokens.last()) else { return false };
        let tagger = self.pipeline.tagger();
        let form = |w: &dyad_nlp::analyze::Word| text.get(w.start..w.end).unwrap_or("");
        let pronoun =
            s.words.iter().any(|w| matches!(form(w).to_lowercase().as_str(), "he" | "she" | "him" | "her"));
        if !pronoun && !actors.names_an_actor_in(first.start, last.end) {
            return false;
        }
        s.words.iter().any(|w| {
            let xpos = tagger.tag_of(w.tag).xpos.as_str();
            let pos = match xpos {
                "NN" | "NNS" => TriggerPos::Noun,
                _ if xpos.starts_with("VB") => TriggerPos::Verb,
                _ => return false,
            };
            let lemma = tagger.lemmatizer().lemmatize(form(w), xpos).to_lowercase();
            !trigger_patterns(self.events, pos, &lemma).is_empty()
        })
    }

    /// Codes the triggers of one sentence.
    fn sentence(&self, cx: &Context<'_>, sentence: &dyad_nlp::analyze::Sentence, out: &mut Vec<Found>) {
        let tree = cx.tree;
        let mut order: Vec<usize> = (0..tree.nodes.len())
            .filter(|i| {
                let rel = tree.nodes[*i].rel;
                (tree.verb(*i) || tree.noun(*i)) && !is(rel, "aux") && !is(rel, "cop")
            })
            .collect();
        order.sort_by_key(|i| (tree.depth(*i), *i));
        let mut consumed = vec![false; tree.nodes.len()];
        for t in order {
            if consumed[t] {
                continue;
            }
            let pos = if tree.verb(t) { TriggerPos::Verb } else { TriggerPos::Noun };
            let patterns = trigger_patterns(self.events, pos, &tree.nodes[t].lemma);
            // The most constrained pattern that holds and finds its actors codes the trigger.
            // The words the first pattern that holds binds belong to the trigger's frame even
            // when its actors are not found: "violated a ceasefire" is no ceasefire declared.
            let mut claimed: Option<Vec<usize>> = None;
            for pattern in patterns {
                let Some(bound) = matches(tree, t, pattern) else { continue };
                if claimed.is_none() {
                    claimed = Some(bound.clone());
                }
                if self.emit(cx, sentence, t, pattern, &bound, out) {
                    claimed = Some(bound);
                    break;
                }
            }
            for b in claimed.unwrap_or_default() {
                consumed[b] = true;
            }
        }
    }

    /// The events of a trigger whose pattern matched; false when its actors are not found.
    fn emit(
        &self,
        cx: &Context<'_>,
        sentence: &dyad_nlp::analyze::Sentence,
        t: usize,
        pattern: &Pattern,
        bound: &[usize],
        out: &mut Vec<Found>,
    ) -> bool {
        let tree = cx.tree;
        let (sources, source_path) = source(cx, t, 0);
        if sources.is_empty() {
            return false;
        }
        let (mut targets, mut target_path) = target(cx, t, pattern, bound);
        let mut modality = modality(self.events, tree, t);
        // "will withdraw unless X arranges a ceasefire": a promised act made conditional on
        // another's is an ultimatum (139), aimed at the party the condition names.
        let condition = matches!(modality, Modality::Intended | Modality::Hypothetical)
            .then(|| unless_clause(tree, t))
            .flatten();
        if let Some(clause) = condition {
            if targets.is_empty() {
                targets =
                    tree.child(clause, "nsubj").map(|s| cx.resolver.phrase(s, true)).unwrap_or_default();
                target_path = "the condition's subject".to_string();
            }
        }
        // Force and coercion with no named target fall on the country where they happen
        // ("reimposed blockades in the West Bank", "shelled villages in southern Lebanon").
        if targets.is_empty() && is_force(&pattern.code) {
            targets = place_target(cx, t, bound);
            if !targets.is_empty() {
                target_path = "the place".to_string();
            }
        }
        targets.retain(|a| !sources.iter().any(|s| s.code == a.code));
        let mut pairs: Vec<(ActorRef, Option<ActorRef>)> = Vec::new();
        if targets.is_empty() && pattern.reciprocal && sources.len() > 1 {
            for a in &sources {
                for b in sources.iter().filter(|b| b.code != a.code) {
                    pairs.push((a.clone(), Some(b.clone())));
                }
            }
        } else if targets.is_empty() {
            // A pattern that names where its target is needs one: without it, the words
            // matched are too often not the event the pattern describes.
            // A protest, a crackdown or a concession with no named target is domestic: the
            // people act on their government, the state on its people.
            if self.events.domestic(&pattern.code) {
                for src in &sources {
                    if let Some(country) = cx.resolver.country_of(&src.code) {
                        let state = src.code == country || src.code[3..].starts_with("GOV");
                        let code = format!("{country}{}", if state { "CVL" } else { "GOV" });
                        pairs.push((
                            src.clone(),
                            Some(ActorRef { code, start: src.start, end: src.end, entity: None }),
                        ));
                    }
                }
            }
            if pairs.is_empty() && !pattern.targets.is_empty() {
                return false;
            }
            if pairs.is_empty() {
                pairs.extend(sources.iter().map(|s| (s.clone(), None)));
            }
        } else {
            for s in &sources {
                pairs.extend(targets.iter().map(|g| (s.clone(), Some(g.clone()))));
            }
        }
        // Intending an event is an event of its own: "will visit" is 036, "vowed to attack" 138.
        let mut code = pattern.code.clone();
        let mut intent = String::new();
        if condition.is_some() {
            intent = format!("; {code} on a condition → 139");
            code = "139".to_string();
            modality = Modality::Asserted;
        } else if modality == Modality::Intended {
            if let Some(to) = self.events.intent(&code) {
                intent = format!("; intended {code} → {to}");
                code = to.to_string();
                modality = Modality::Asserted;
            }
        }
        let date = match event_date(sentence, t, cx.times) {
            EventDate::Text(i) => (cx.times[i].value.clone(), DateSource::Text),
            EventDate::Document => match cx.doc.dct {
                Some(d) => (Some(d.to_string()), DateSource::Document),
                None => (None, DateSource::None),
            },
        };
        let location = self.location(cx, t, bound);
        let attached = attached_amounts(cx, t, bound);
        let mut confidence: f64 = 0.4;
        if source_path == "subject" {
            confidence += 0.2;
        }
        if !targets.is_empty() {
            confidence += 0.2;
        }
        if !pattern.constraints.is_empty() {
            confidence += 0.1;
        }
        let path = format!("source: {source_path}; target: {target_path}{intent}");
        let node = &tree.nodes[t];
        for (source, target) in pairs {
            out.push(Found {
                sentence: cx.n,
                code: code.clone(),
                source,
                target,
                pattern: pattern.clone(),
                trigger: (node.start, node.end),
                date: date.clone(),
                location: location.clone(),
                amounts: attached.clone(),
                modality,
                confidence: confidence.min(1.0),
                path: path.clone(),
            });
        }
        true
    }

    /// Where the event of trigger `t` took place: an `in`/`at` phrase naming a place.
    fn location(&self, cx: &Context<'_>, t: usize, bound: &[usize]) -> Option<Location> {
        let tree = cx.tree;
        let heads = std::iter::once(t).chain(bound.iter().copied());
        let phrases: Vec<usize> = heads
            .flat_map(|h| tree.prep_phrases(h, "in").chain(tree.prep_phrases(h, "at")).collect::<Vec<_>>())
            .collect();
        for p in phrases {
            let node = &tree.nodes[p];
            let name = cx.doc.text.get(node.start..node.end)?;
            let entries = self.lexicon.lookup(name);
            let place = entries.iter().find_map(|e| match e {
                Entry::Place(i) => self.lexicon.places.get(*i as usize),
                _ => None,
            });
            let country = entries.iter().find_map(|e| match e {
                Entry::Country(_) | Entry::Capital(_) | Entry::Place(_) => {
                    Some(self.lexicon.code(*e).to_string())
                }
                _ => None,
            });
            if place.is_some() || country.is_some() {
                return Some(Location {
                    text: name.to_string(),
                    country: country.or_else(|| place.map(|p| p.country.clone())),
                    lat: place.map(|p| p.lat),
                    lon: place.map(|p| p.lon),
                });
            }
        }
        None
    }

    /// Merges the found mentions into records: one per (source, target, code, date).
    fn records(&self, doc: &Document<'_>, found: Vec<Found>) -> Vec<Event> {
        let mut events: Vec<Event> = Vec::new();
        let mut per_sentence: std::collections::HashMap<usize, usize> = Default::default();
        for f in found {
            let target_code = f.target.as_ref().map(|t| t.code.clone());
            let same = events.iter_mut().find(|e| {
                e.source.as_ref().map(|s| &s.code) == Some(&f.source.code)
                    && e.target.as_ref().map(|t| t.code.clone()) == target_code
                    && e.cameo == f.code
                    && e.date == f.date.0
            });
            if let Some(e) = same {
                e.mentions += 1;
                e.other_triggers.push(span(doc.text, f.trigger));
                continue;
            }
            let Some(code) = self.events.code(&f.code) else { continue };
            let root = code.code.get(..2).unwrap_or("").to_string();
            let historical = historical(events_date_year(&f.date), doc.dct);
            let n = per_sentence.entry(f.sentence).or_default();
            *n += 1;
            events.push(Event {
                id: format!("{}:{}:{}", doc.id, f.sentence, n),
                doc_id: doc.id.to_string(),
                sentence: f.sentence,
                date: f.date.0,
                date_source: f.date.1,
                source: Some(self.actor(doc.text, &f.source)),
                target: f.target.as_ref().map(|t| self.actor(doc.text, t)),
                cameo: code.code.clone(),
                quad_class: quad_class(&root),
                cameo_root: root,
                cameo_name: code.name.clone(),
                goldstein: code.goldstein,
                plover: code.plover.clone(),
                plover_mode: code.mode.clone(),
                trigger: span(doc.text, f.trigger),
                location: f.location,
                amounts: f.amounts,
                modality: f.modality,
                historical,
                confidence: f.confidence,
                rule: format!("{} (events.tsv:{}); {}", f.pattern.text, f.pattern.line, f.path),
                mentions: 1,
                other_triggers: Vec::new(),
            });
        }
        events
    }

    /// The output form of a resolved actor.
    fn actor(&self, text: &str, a: &ActorRef) -> Actor {
        let country = self
            .lexicon
            .countries
            .iter()
            .find(|c| a.code.starts_with(c.code.as_str()))
            .map(|c| c.code.clone());
        let sector = match &country {
            Some(c) if a.code.len() > c.len() => Some(a.code[c.len()..].to_string()),
            _ => None,
        };
        Actor {
            text: text.get(a.start..a.end).unwrap_or("").to_string(),
            code: a.code.clone(),
            country,
            sector,
            entity: a.entity.clone(),
            start: a.start,
            end: a.end,
        }
    }
}

/// The patterns of a trigger lemma, forgiving the lemmatizer two misses on words the treebank
/// it learnt from lacks or lemmatizes by its own convention: a verb's final e ("upgraded" read
/// as "upgrad") and a plural noun kept as its own lemma ("troops").
fn trigger_patterns<'e>(events: &'e EventLexicon, pos: TriggerPos, lemma: &str) -> &'e [Pattern] {
    let found = events.patterns(pos, lemma);
    if !found.is_empty() {
        return found;
    }
    match pos {
        TriggerPos::Verb => events.patterns(pos, &format!("{lemma}e")),
        TriggerPos::Noun => singular(lemma).map_or(&[], |s| events.patterns(pos, s)),
    }
}

/// A lemma that kept its plural s ("troops"), without it.
fn singular(lemma: &str) -> Option<&str> {
    lemma.strip_suffix('s').filter(|s| !s.ends_with('s') && s.len() > 2)
}

/// The text of a sentence.
fn sentence_text<'t>(text: &'t str, s: &dyad_nlp::analyze::Sentence) -> Option<&'t str> {
    text.get(s.tokens.first()?.start..s.tokens.last()?.end)
}

/// What the coder knows while it codes one sentence.
struct Context<'a> {
    doc: &'a Document<'a>,
    n: usize,
    tree: &'a Tree<'a>,
    resolver: &'a Resolver<'a>,
    times: &'a [Timex],
    amounts: &'a [Amount],
}

/// The dependents of `t` a pattern's constraints bind, if all hold.
fn matches(tree: &Tree<'_>, t: usize, p: &Pattern) -> Option<Vec<usize>> {
    let mut bound = Vec::new();
    for c in &p.constraints {
        let candidates = slot_heads(tree, t, &c.slot);
        let ok = |i: &usize| {
            let listed = |n: usize| {
                let node = &tree.nodes[n];
                let singular = singular(&node.lemma);
                c.lemmas.as_ref().is_none_or(|ls| {
                    ls.iter().any(|l| *l == node.lemma || *l == node.lower || Some(l.as_str()) == singular)
                })
            };
            // A clause is also named by its modal ("said that Sudan must return" = ccomp:must).
            listed(*i) || (c.slot == Slot::Ccomp && tree.children(*i, "aux").any(listed))
        };
        let hit = candidates.into_iter().find(ok)?;
        if c.lemmas.is_some() {
            bound.push(hit);
        }
    }
    Some(bound)
}

/// The dependents of `t` that fill a slot.
fn slot_heads(tree: &Tree<'_>, t: usize, slot: &Slot) -> Vec<usize> {
    match slot {
        Slot::Obj if tree.passive(t) => tree.children(t, "nsubj:pass").collect(),
        // "suspended part of the aid": a partitive object stands for what it is part of.
        // "provided photographs and other intelligence": each conjunct is an object.
        Slot::Obj => tree.nodes[t]
            .children
            .iter()
            .copied()
            .filter(|c| tree.nodes[*c].rel == "obj")
            .flat_map(|o| {
                let partitive = PARTITIVES.contains(&tree.nodes[o].lemma.as_str());
                let whole = tree.prep_phrases(o, "of").filter(move |_| partitive).collect::<Vec<_>>();
                std::iter::once(o).chain(whole).chain(tree.children(o, "conj"))
            })
            .collect(),
        Slot::Iobj => tree.children(t, "iobj").collect(),
        // A to-infinitive the parser took for an adverbial clause counts too.
        Slot::Xcomp => tree.nodes[t]
            .children
            .iter()
            .copied()
            .filter(|c| {
                let rel = tree.nodes[*c].rel;
                is(rel, "xcomp")
                    || (is(rel, "advcl") && tree.children(*c, "mark").any(|m| tree.nodes[m].lower == "to"))
            })
            .collect(),
        Slot::Ccomp => tree.children(t, "ccomp").collect(),
        Slot::Prt => tree.children(t, "compound:prt").collect(),
        Slot::Prep(p) => tree.prep_phrases(t, p).collect(),
    }
}

/// The source actors of trigger `t` and how they were found.
fn source(cx: &Context<'_>, t: usize, depth: usize) -> (Vec<ActorRef>, &'static str) {
    let tree = cx.tree;
    let node = &tree.nodes[t];
    if depth > 6 {
        return (Vec::new(), "none");
    }
    let phrase = |i: usize| cx.resolver.phrase(i, true);
    // A predicate: a verb, or an adjective or noun with a copula ("Moscow was close to ...").
    let predicate = tree.verb(t) || tree.child(t, "cop").is_some();
    if predicate {
        let passive = tree.passive(t);
        if passive {
            let agent = tree.child(t, "obl:agent").or_else(|| tree.prep_phrases(t, "by").next());
            // Reached from its complement, an agentless passive's subject acts: "he is
            // prepared to lift the ban", "Iraq was forced to withdraw".
            // "Israel is opposed to", "Iran is committed to": participles that are adjectives
            // of attitude have their subject as the one who holds it.
            let attitude = ATTITUDE_PARTICIPLES.contains(&node.lemma.as_str());
            if agent.is_some() || (depth == 0 && !attitude) {
                return (agent.map(phrase).unwrap_or_default(), "by-agent");
            }
        }
        let subject =
            |c: &usize| tree.nodes[*c].rel == "nsubj" || (passive && tree.nodes[*c].rel == "nsubj:pass");
        if let Some(s) = tree.nodes[t].children.iter().copied().find(subject) {
            let relative = matches!(tree.nodes[s].xpos, "WDT" | "WP");
            if relative && is(node.rel, "acl") {
                return (node.head.map(phrase).unwrap_or_default(), "relative");
            }
            // "Palestinian leaders said they would boycott ...": a pronoun subject of a reported
            // clause is the reporter.
            if tree.nodes[s].xpos == "PRP" && is(node.rel, "ccomp") {
                if let Some(head) = node.head {
                    let (found, _) = source(cx, head, depth + 1);
                    if !found.is_empty() {
                        return (found, "reporter");
                    }
                }
            }
            return (phrase(s), "subject");
        }
    } else {
        if let Some(p) = tree.child(t, "nmod:poss") {
            return (phrase(p), "possessor");
        }
        if let Some(by) = tree.prep_phrases(t, "by").next() {
            return (phrase(by), "by-agent");
        }
        let nationality = tree.children(t, "amod").chain(tree.children(t, "compound")).find_map(|c| {
            let found = cx.resolver.phrase(c, false);
            (!found.is_empty()).then_some(found)
        });
        if let Some(found) = nationality {
            return (found, "modifier");
        }
    }
    // Inherited: from the verb this one is coordinated with, controlled by or modifies.
    let Some(head) = node.head else { return (Vec::new(), "none") };
    let rel = node.rel;
    // Object control: "invited Putin to visit" — the object visits; "accused the rebels of
    // violating the truce", "praised Cuba for resisting" — the object did it.
    let gerund_on_object = is(rel, "advcl")
        && tree.children(t, "mark").any(|m| matches!(tree.nodes[m].lower.as_str(), "of" | "for"));
    if is(rel, "xcomp") || gerund_on_object {
        if let Some(o) = tree.nodes[head].children.iter().copied().find(|c| tree.nodes[*c].rel == "obj") {
            return (phrase(o), "controller");
        }
    }
    // An event noun is its verb's subject's act only under a light verb ("held talks",
    // "launched an attack"), not under one with a meaning of its own ("prevented the
    // demonstration", "boycotted the talks").
    if is(rel, "obj") && tree.noun(t) && !LIGHT_VERBS.contains(&tree.nodes[head].lemma.as_str()) {
        return (Vec::new(), "none");
    }
    // A noun trigger modifying a noun ("a mediation effort") is acted by that noun's actor.
    let inherits = ["conj", "xcomp", "advcl", "obj", "obl", "nmod", "compound"];
    if inherits.iter().any(|r| is(rel, r)) {
        let (found, _) = source(cx, head, depth + 1);
        return (found, "inherited");
    }
    if is(rel, "acl") {
        // "the rebels holding the town": the noun modified acts; "a statement following
        // talks": it names no actor, so the clause around it does.
        let found = phrase(head);
        if !found.is_empty() {
            return (found, "modified noun");
        }
        let (found, _) = source(cx, head, depth + 1);
        return (found, "inherited");
    }
    (Vec::new(), "none")
}

/// Verbs that lend their subject to the event noun they take as object: "Israel mounted an
/// invasion", "the rebels staged an attack", "Italy announced a suspension of links"; aspect
/// verbs ("speeded up the withdrawal"); and "following", which reads as "after" ("a statement
/// following talks").
#[rustfmt::skip]
const LIGHT_VERBS: [&str; 72] = [
    "hold", "have", "launch", "mount", "conduct", "carry", "stage", "begin", "start", "continue",
    "resume", "make", "give", "take", "pay", "issue", "announce", "declare", "order", "organize",
    "organise", "lead", "plan", "prepare", "intensify", "step", "escalate", "open", "sign",
    "conclude", "reach", "seal", "offer", "extend", "provide", "impose", "deliver", "press",
    "pursue", "undertake", "wage", "commit", "perpetrate", "unleash", "initiate", "attend", "join",
    "agree", "complete", "keep", "maintain", "renew", "speed", "accelerate", "expedite", "hasten",
    "finish", "follow", "reimpose", "reinstate", "tighten", "enforce", "establish", "set",
    "introduce", "institute", "implement", "use", "employ", "deploy", "send", "dispatch",
];

/// The target actors of trigger `t` under `pattern` and the slot they came from.
fn target(cx: &Context<'_>, t: usize, pattern: &Pattern, bound: &[usize]) -> (Vec<ActorRef>, String) {
    let tree = cx.tree;
    // A noun trigger modifying a noun stands for that noun's phrase ("a mediation effort
    // between X and Y"), and a noun's phrases may hang from its light verb ("held talks with").
    let node = &tree.nodes[t];
    let modified = node.head.filter(|h| tree.noun(t) && is(node.rel, "compound") && tree.noun(*h));
    let noun = modified.unwrap_or(t);
    let light = if tree.noun(noun) { tree.nodes[noun].head.filter(|h| tree.verb(*h)) } else { None };
    let heads: Vec<usize> =
        std::iter::once(t).chain(modified).chain(bound.iter().copied()).chain(light).collect();
    for slot in &pattern.targets {
        for h in &heads {
            if *h != t && *slot == Slot::Obj && Some(*h) == light {
                continue;
            }
            let mut heads = slot_heads(tree, *h, slot);
            // "the U.S. request" is "the request of the U.S.": a bound noun's owner fills `of`.
            if *h != t && *slot == Slot::Prep("of".into()) && tree.noun(*h) {
                heads.extend(["nmod:poss", "compound", "amod"].iter().flat_map(|r| tree.children(*h, r)));
            }
            // The target in a clause is its subject ("demanded that Belgrade withdraw").
            if *slot == Slot::Ccomp {
                heads = heads.iter().flat_map(|c| tree.child(*c, "nsubj").or(Some(*c))).collect();
            }
            for c in heads {
                let found = cx.resolver.phrase(c, true);
                if !found.is_empty() {
                    return (found, slot_name(slot));
                }
            }
        }
    }
    // Last, an actor inside the object the pattern named ("demanded a truce with Moslem
    // forces", "the withdrawal of Serbian forces"): the party the object concerns.
    if !pattern.targets.is_empty() {
        for b in bound.iter().filter(|b| tree.noun(**b)) {
            let found = cx.resolver.phrase(*b, false);
            if !found.is_empty() {
                return (found, "inside the object".to_string());
            }
        }
        // Or in the purpose it serves ("mobilized reservists for a war against Iraq").
        for p in tree.prep_phrases(t, "for").filter(|p| tree.noun(*p)) {
            let found = cx.resolver.phrase(p, false);
            if !found.is_empty() {
                return (found, "the purpose".to_string());
            }
        }
    }
    (Vec::new(), "none".to_string())
}

/// Whether a CAMEO code is a use of force or coercion: roots 15 (force posture), 17 (coerce),
/// 18 (assault), 19 (fight) and 20 (mass violence).
fn is_force(code: &str) -> bool {
    matches!(code.get(..2), Some("15" | "17" | "18" | "19" | "20"))
}

/// The countries of the places in the `in`/`at` phrases of trigger `t`, of the words its
/// pattern bound and of the verb an event noun hangs from, as bare country codes.
fn place_target(cx: &Context<'_>, t: usize, bound: &[usize]) -> Vec<ActorRef> {
    let tree = cx.tree;
    // An event noun's place may hang from its verb ("reimposed blockades in the West Bank").
    let verb = tree.nodes[t].head.filter(|h| tree.noun(t) && tree.verb(*h));
    let phrases = std::iter::once(t)
        .chain(bound.iter().copied())
        .chain(verb)
        .flat_map(|h| tree.prep_phrases(h, "in").chain(tree.prep_phrases(h, "at")).collect::<Vec<_>>());
    for p in phrases {
        let found: Vec<ActorRef> = cx
            .resolver
            .phrase(p, false)
            .into_iter()
            .filter_map(|a| Some(ActorRef { code: cx.resolver.country_of(&a.code)?, ..a }))
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// The "unless" clause on trigger `t` or on the verbs governing it through `xcomp`/`ccomp`
/// ("threatened to strike unless ...", "said it will withdraw unless ...").
fn unless_clause(tree: &Tree<'_>, t: usize) -> Option<usize> {
    let mut at = t;
    for _ in 0..3 {
        let clause = tree
            .children(at, "advcl")
            .find(|c| tree.children(*c, "mark").any(|m| tree.nodes[m].lower == "unless"));
        if clause.is_some() {
            return clause;
        }
        let rel = tree.nodes[at].rel;
        at = tree.nodes[at].head.filter(|_| is(rel, "xcomp") || is(rel, "ccomp"))?;
    }
    None
}

fn slot_name(slot: &Slot) -> String {
    match slot {
        Slot::Obj => "obj".into(),
        Slot::Iobj => "iobj".into(),
        Slot::Xcomp => "xcomp".into(),
        Slot::Ccomp => "ccomp".into(),
        Slot::Prt => "prt".into(),
        Slot::Prep(p) => p.clone(),
    }
}

/// Verbs whose passive participle says what its subject holds to, not what was done to it
/// ("is opposed to", "is committed to", "is determined to").
const ATTITUDE_PARTICIPLES: [&str; 9] =
    ["oppose", "commit", "determine", "prepare", "dispose", "incline", "resolve", "dedicate", "devote"];

/// Nouns that name a part of what their `of` phrase names ("part of the aid programme").
const PARTITIVES: [&str; 9] = ["part", "portion", "half", "some", "most", "all", "much", "bulk", "rest"];

/// Verbs that report speech, under which "would" is the future of the reported clause.
const REPORTING_VERBS: [&str; 14] = [
    "say", "tell", "announce", "confirm", "state", "declare", "add", "insist", "report", "indicate",
    "reveal", "explain", "stress", "note",
];

/// The modality of trigger `t`: cue words on it or on the verbs governing it through
/// `xcomp`/`advcl`/`ccomp`; negation first, then hypothetical, reported, intended.
fn modality(events: &EventLexicon, tree: &Tree<'_>, t: usize) -> Modality {
    let mut cues: Vec<&str> = Vec::new();
    let mut at = t;
    for _ in 0..4 {
        // "said they would boycott": in reported speech "would" is a past "will", and with an
        // if-clause a conditional promise or threat is still an intent.
        let reported_future = is(tree.nodes[at].rel, "ccomp")
            && tree.nodes[at].head.is_some_and(|h| REPORTING_VERBS.contains(&tree.nodes[h].lemma.as_str()));
        for c in &tree.nodes[at].children {
            let n = &tree.nodes[*c];
            // "amod": an event noun's own hedge ("a possible war").
            let small = ["advmod", "aux", "mark", "det", "cc", "amod"].iter().any(|r| is(n.rel, r));
            if small && reported_future && is(n.rel, "aux") && n.lower == "would" {
                cues.push("intended");
            } else if small {
                cues.extend(
                    events.modality(Cue::Dependent, &n.lemma).or(events.modality(Cue::Dependent, &n.lower)),
                );
            }
        }
        let rel = tree.nodes[at].rel;
        let Some(head) = tree.nodes[at].head else { break };
        if !["xcomp", "advcl", "ccomp"].iter().any(|r| is(rel, r)) {
            break;
        }
        cues.extend(events.modality(Cue::Governor, &tree.nodes[head].lemma));
        if is(rel, "ccomp") {
            break;
        }
        at = head;
    }
    let order = [
        ("negated", Modality::Negated),
        ("hypothetical", Modality::Hypothetical),
        ("reported", Modality::Reported),
        ("intended", Modality::Intended),
    ];
    order.iter().find(|(name, _)| cues.contains(name)).map_or(Modality::Asserted, |(_, m)| *m)
}

/// The amounts inside the phrases of the trigger and of what its pattern bound.
fn attached_amounts(cx: &Context<'_>, t: usize, bound: &[usize]) -> Vec<EventAmount> {
    let tree = cx.tree;
    let phrase_rels = ["obj", "obl", "nmod", "nummod", "iobj"];
    let spans: Vec<(usize, usize)> = std::iter::once(t)
        .chain(bound.iter().copied())
        .flat_map(|h| tree.nodes[h].children.iter().copied())
        .filter(|c| phrase_rels.iter().any(|r| is(tree.nodes[*c].rel, r)))
        .map(|c| tree.span(c))
        .collect();
    cx.amounts
        .iter()
        .filter(|a| spans.iter().any(|(s, e)| a.start >= *s && a.end <= *e))
        .map(|a| EventAmount {
            text: a.text(cx.doc.text).to_string(),
            start: a.start,
            end: a.end,
            kind: match a.kind {
                Kind::Money => "MONEY",
                Kind::Percent => "PERCENT",
                Kind::People => "PEOPLE",
            }
            .to_string(),
            currency: a.currency.map(str::to_string),
            value: a.value,
            min: a.min,
        })
        .collect()
}

/// The QuadClass of a CAMEO root: 1 verbal cooperation (01–05), 2 material cooperation
/// (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20).
pub fn quad_class(root: &str) -> u8 {
    match root.parse::<u8>().unwrap_or(0) {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        14..=20 => 4,
        _ => 0,
    }
}

/// The year of an event date value, if it starts with one.
fn events_date_year(date: &(Option<String>, DateSource)) -> Option<i32> {
    if date.1 != DateSource::Text {
        return None;
    }
    date.0.as_deref()?.get(..4)?.parse().ok()
}

/// Whether an event dated in `year` lies well (more than a year) before the document date.
fn historical(year: Option<i32>, dct: Option<Date>) -> bool {
    matches!((year, dct), (Some(y), Some(d)) if y < d.year - 1)
}

fn span(text: &str, (start, end): (usize, usize)) -> Span {
    Span { text: text.get(start..end).unwrap_or("").to_string(), start, end }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    const CAMEO: &str = "036\tExpress intent to meet\t4\tAGREE\t-\n040\tConsult\t1\tCONSULT\t-\n\
        0331\tExpress intent to provide economic aid\t5.2\tAGREE\t-\n111\tCriticize or denounce\t-2\tACCUSE\t-\n\
        112\tAccuse\t-2\tACCUSE\t-\n163\tImpose embargo\t-8\tSANCTION\t-\n190\tUse conventional military force\t-10\tASSAULT\t-\n\
        030\tExpress intent to cooperate\t4\tAGREE\t-\n";
    const PATTERNS: &str = "111\tV\tcondemn\t>obj\n112\tV\taccuse\t>obj\n190\tV\tattack\t>obj\n190\tN\tattack\t>on >against\n\
        163\tV\timpose\tobj:sanction|embargo >on >against\n0331\tV\tagree\tto:loan|aid >for >to\n040\tV\tmeet\t>with >obj <>\n\
        036\tV\tinvite\t>obj\n030\tV\tvow\txcomp:strengthen >with <>\n";
    const INTENTS: &str = "07\t0331\n";
    const MODALITY: &str = "not|never\tdependent\tnegated\ncould|might|would\tdependent\thypothetical\n\
        close|vow\tgovernor\tintended\n";

    fn setup() -> &'static (Pipeline, Lexicon, EventLexicon) {
        static SETUP: OnceLock<(Pipeline, Lexicon, EventLexicon)> = OnceLock::new();
        SETUP.get_or_init(|| {
            let names = ["cameo.tsv", "events.tsv", "modality.tsv", "intents.tsv", "domestic.tsv"];
            let (events, problems) =
                EventLexicon::compile([CAMEO, PATTERNS, MODALITY, INTENTS, "14\n"], names);
            assert!(problems.is_empty(), "{problems:?}");
            (Pipeline::embedded(true).unwrap(), Lexicon::embedded().0, events)
        })
    }

    fn code(text: &str) -> Vec<Event> {
        let (pipeline, lexicon, events) = setup();
        let coder = Coder { pipeline, lexicon, events };
        let dct = Date::parse("2019-10-31").ok();
        coder.code(&Document { id: "t", text, dct }).events
    }

    /// (source, code, target, modality) of each event.
    fn dyads(text: &str) -> Vec<(String, String, String, Modality)> {
        code(text)
            .into_iter()
            .map(|e| {
                let target = e.target.map_or("-".to_string(), |t| t.code);
                (e.source.map_or("-".to_string(), |s| s.code), e.cameo, target, e.modality)
            })
            .collect()
    }

    fn dyad(s: &str, c: &str, t: &str, m: Modality) -> (String, String, String, Modality) {
        (s.to_string(), c.to_string(), t.to_string(), m)
    }

    #[test]
    fn subject_and_object_give_source_and_target() {
        assert_eq!(
            dyads("Russia accused Ukraine on Monday."),
            vec![dyad("RUS", "112", "UKR", Modality::Asserted)]
        );
    }

    #[test]
    fn a_passive_takes_its_source_from_the_by_phrase() {
        assert_eq!(
            dyads("Ukraine was attacked by Russia."),
            vec![dyad("RUS", "190", "UKR", Modality::Asserted)]
        );
    }

    #[test]
    fn coordinated_actors_give_one_event_each() {
        let found = dyads("France and Germany condemned Iran.");
        assert_eq!(
            found,
            vec![
                dyad("FRA", "111", "IRN", Modality::Asserted),
                dyad("DEU", "111", "IRN", Modality::Asserted)
            ]
        );
    }

    #[test]
    fn coordinated_verbs_share_their_subject() {
        let found = dyads("Iran condemned Israel and accused the United States.");
        assert!(found.contains(&dyad("IRN", "111", "ISR", Modality::Asserted)), "{found:?}");
        assert!(found.contains(&dyad("IRN", "112", "USA", Modality::Asserted)), "{found:?}");
    }

    #[test]
    fn negation_and_hypotheticals_are_flagged() {
        assert_eq!(
            dyads("China did not condemn Russia."),
            vec![dyad("CHN", "111", "RUS", Modality::Negated)]
        );
        let found = dyads("Britain could impose sanctions on Iran.");
        assert_eq!(found, vec![dyad("GBR", "163", "IRN", Modality::Hypothetical)]);
    }

    #[test]
    fn a_leaders_name_before_the_body_they_lead_gives_its_country() {
        assert_eq!(
            dyads("The Bush administration condemned Russia."),
            vec![dyad("USAGOV", "111", "RUS", Modality::Asserted)]
        );
    }

    #[test]
    fn the_subject_of_an_agentless_passive_does_what_its_complement_says() {
        let found = dyads("Iraq was forced to attack Kuwait.");
        assert_eq!(found, vec![dyad("IRQ", "190", "KWT", Modality::Asserted)]);
        // With its agent, the passive's own event is the agent's, and nothing else is coded.
        assert_eq!(
            dyads("Cuba was condemned by Russia."),
            vec![dyad("RUS", "111", "CUB", Modality::Asserted)]
        );
    }

    #[test]
    fn would_in_reported_speech_is_an_intent() {
        let found = dyads("Britain said it would impose sanctions on Iran.");
        assert_eq!(found, vec![dyad("GBR", "163", "IRN", Modality::Intended)]);
        let found = dyads("Britain said it would impose sanctions on Iran if talks failed.");
        assert_eq!(found, vec![dyad("GBR", "163", "IRN", Modality::Intended)]);
        let found = dyads("Britain could impose sanctions on Iran if talks failed.");
        assert_eq!(found, vec![dyad("GBR", "163", "IRN", Modality::Hypothetical)]);
    }

    #[test]
    fn reported_speech_codes_the_embedded_event_with_its_own_source() {
        let found = dyads("The minister said Moscow was close to agreeing to a loan for Cuba.");
        assert_eq!(found, vec![dyad("RUSGOV", "0331", "CUB", Modality::Intended)]);
        let event =
            &code("The minister said Moscow was close to agreeing to a 38-million-euro loan for Cuba.")[0];
        assert_eq!(event.amounts.len(), 1, "{event:?}");
        assert_eq!(event.amounts[0].currency.as_deref(), Some("EUR"));
    }

    #[test]
    fn a_noun_trigger_takes_its_possessor_as_source() {
        let found = dyads("Russia's attack on Ukraine began in February.");
        assert_eq!(found, vec![dyad("RUS", "190", "UKR", Modality::Asserted)]);
    }

    #[test]
    fn a_reciprocal_event_goes_both_ways_between_coordinated_subjects() {
        let found = dyads("The presidents of Russia and Cuba vowed to strengthen ties.");
        assert_eq!(
            found,
            vec![
                dyad("RUSGOV", "030", "CUBGOV", Modality::Asserted),
                dyad("CUBGOV", "030", "RUSGOV", Modality::Asserted)
            ]
        );
    }

    #[test]
    fn repeated_mentions_merge_into_one_record_with_a_count() {
        let events = code("Russia accused Ukraine. Russia accused Ukraine again.");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].mentions, 2);
        assert_eq!(events[0].id, "t:0:1");
        assert_eq!(events[0].date.as_deref(), Some("2019-10-31"));
        assert_eq!(events[0].date_source, DateSource::Document);
    }

    #[test]
    fn a_time_expression_on_the_trigger_dates_the_event() {
        let events = code("Russia accused Ukraine on November 2.");
        assert_eq!(events[0].date_source, DateSource::Text);
        assert_eq!(events[0].date.as_deref(), Some("2018-11-02"));
    }

    #[test]
    fn odd_input_codes_nothing_and_does_not_panic() {
        assert!(code("").is_empty());
        assert!(code("Sanctions. Talks, talks, talks!").is_empty());
        let many: Vec<String> = (0..300).map(|i| format!("Country{i}")).collect();
        let text = format!("{} and France condemned Iran.", many.join(", "));
        let events = code(&text);
        assert!(events.iter().all(|e| e.cameo == "111"));
    }
}
