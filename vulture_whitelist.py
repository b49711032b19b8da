"""Names vulture cannot see used (``make deadcode``): each used by a library or kept on purpose.

Anything else vulture reports is dead: remove it rather than list it here. Never executed: it
only names what is used (``_.name`` is vulture's convention for a bare name).
"""

from monitor.extract.mentions import Mention
from monitor.models.facts import Casualty, Strike, TroopReport
from monitor.models.item import Item
from monitor.models.match import Match
from monitor.cli.main import LazyGroup
from monitor.observability.metrics import _FeedCollector, _OutboxCollector
from monitor.rules.templatebounds import BoundedSandbox
from monitor.rules import condition, model, spec
from monitor.settings.load import _FileSettings
from monitor.settings.sources import UsualNamesSource
from monitor.sources.feeds.feedstate import FeedState
from monitor.sources.feeds.outbound import GuardedBackend
from monitor.sources.feeds.parsepool import ParserPool
from monitor.state.lease import LeaseStore

# pydantic: model fields, read through model_dump / JSON (the alert and API contracts)
Item.language
Match.fact_kind
FeedState.last_success
Strike.weapon
Strike.record_claim
Strike.record_scope
Strike.single_attack  # the scorer's verdict, shown in facts dumps and `rules explain`
TroopReport.count_max
Casualty.killed_qualifier
Casualty.injured_qualifier
_.fit  # monitor.tools.scorer_fit: called by scripts/train_scorer.py
_.extractor_with  # monitor.tools.scorer_fit: called by scripts/train_scorer.py
_.negative_strikes  # monitor.extract.evaluation.Report: in eval --json
_.block  # monitor.extract.vocabulary: the vocabulary file's 'block' verbs, read by role name
_.model_config
# pydantic validators and the rule models' fields (rules files name them)
condition.Predicate.in_list
condition.Predicate.not_in_list
condition.Condition._exactly_one
condition.Kind
model.Rule.description
model.Rule.threshold
model.Rule.new_term
model.Rule.frequency
model.Rule.spike
model.Rule.flatline
model.Rule._spec_matches_type
spec.ThresholdSpec._one_bound
spec.Example._text_or_path
# pydantic-settings: the source protocol and the arguments it passes by keyword
UsualNamesSource.get_field_value
_FileSettings.settings_customise_sources
_.file_secret_settings
# click passes callbacks (ctx, param, value)
_.param
# prometheus_client calls collect() on a registered collector
_OutboxCollector.collect
_FeedCollector.collect
# click calls these on the lazy top-level group (monitor --help, monitor NAME)
LazyGroup.list_commands
LazyGroup.get_command
LazyGroup.format_commands
# RE2 options are set as attributes
_.case_sensitive
_.log_errors
# who holds a feed's lease (the replica tests read it)
LeaseStore.holder
# the extractor's mention record (extract/ belongs to the extractor work)
Mention.bare
# Jinja's sandbox reads the operators it must route through call_binop from this attribute
BoundedSandbox.intercepted_binops
# httpcore's network backend protocol (feeds dial TCP only; the method refuses)
GuardedBackend.connect_unix_socket
# parser workers replaced after overrunning the deadline (the deadline test reads it)
ParserPool.replaced
