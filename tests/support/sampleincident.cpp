#include "sampleincident.h"

#include <QDebug>

namespace cp::test {

namespace {

constexpr qint64 Minute = 60 * 1000;

struct Script
{
    IncidentStore &store;
    FakeClock &clock;
    qint64 incident = 0;
    bool ok = true;

    void check(const StoreError &error, const char *what)
    {
        if (!error.ok()) {
            qWarning() << "sample incident:" << what << error.message();
            ok = false;
        }
    }
    template <typename T> T check(const Result<T> &result, const char *what)
    {
        if (!result) {
            check(result.error(), what);
            return T{};
        }
        return *result;
    }
    qint64 log(EntryKind kind, const QString &author, const QString &text, bool key = false,
               const QStringList &tags = {})
    {
        NewEntry e;
        e.incidentId = incident;
        e.kind = kind;
        e.author = author;
        e.text = text;
        e.keyEvent = key;
        e.tags = tags;
        return check(store.timeline().append(e), "log");
    }
    void minutes(int n) { clock.advance(n * Minute); }
};

} // namespace

qint64 SampleIncident::create(IncidentStore &store, FakeClock &clock)
{
    Script s{store, clock};
    const QStringList handles{QStringLiteral("ana"), QStringLiteral("bo"),  QStringLiteral("cy"),
                              QStringLiteral("dee"), QStringLiteral("eve"), QStringLiteral("finn")};
    const QStringList names{QStringLiteral("Ana Lima"), QStringLiteral("Bo Chen"),   QStringLiteral("Cy Okafor"),
                            QStringLiteral("Dee Park"), QStringLiteral("Eve Novak"), QStringLiteral("Finn Berg")};
    Department engineering;
    engineering.key = QStringLiteral("engineering");
    engineering.name = QStringLiteral("Engineering");
    engineering.primaryContact = QStringLiteral("Ana Lima");
    s.check(store.roster().saveDepartment(engineering), "department");
    for (qsizetype i = 0; i < handles.size(); ++i) {
        Person p;
        p.name = names.at(i);
        p.handle = handles.at(i);
        p.team = i < 3 ? QStringLiteral("SRE") : QStringLiteral("Payments");
        p.departmentKey = QStringLiteral("engineering");
        p.trainedRoles = {QStringLiteral("ic"), QStringLiteral("deputy")};
        if (!store.roster().findPerson(p.handle))
            s.check(store.roster().addPerson(p), "person");
    }
    auto person = [&](const QString &handle) {
        return store.roster().findPerson(handle) ? store.roster().findPerson(handle)->id : 0;
    };

    RoleTemplateLibrary library{QString()};
    NewIncident incident;
    incident.title = title();
    incident.summary = QStringLiteral("The checkout service stopped processing order events: a migration left a "
                                      "lock on the events table and every consumer waits on it.");
    incident.severity = Severity::Sev2;
    incident.kind = IncidentKind::Technical;
    incident.roles = library.find(QStringLiteral("technical-response"));
    s.incident = s.check(store.incidents().create(incident, QStringLiteral("ana")), "declare");
    if (!s.incident)
        return 0;
    const QString ana = QStringLiteral("Ana Lima");
    const QString cy = QStringLiteral("Cy Okafor");

    s.check(store.roles().assign(s.incident, QStringLiteral("ic"), person(QStringLiteral("ana")), ana), "assign ic");
    s.minutes(1);
    s.check(store.roles().assign(s.incident, QStringLiteral("deputy"), person(QStringLiteral("bo")), ana),
            "assign deputy");
    s.check(store.roles().assign(s.incident, QStringLiteral("scribe"), person(QStringLiteral("cy")), ana),
            "assign scribe");
    s.log(EntryKind::Callout, cy, QStringLiteral("Checkout error rate at 38 %, order events queue growing"), true);
    s.minutes(1);
    s.check(store.incidents().setSeverity(s.incident, Severity::Sev1, ana), "severity");
    s.log(EntryKind::Status, ana,
          QStringLiteral(
              "We are in SEV-1: checkout does not process order events; DB SME joining, next check-in in 5 min"),
          true);
    s.check(store.roles().assign(s.incident, QStringLiteral("sme"), person(QStringLiteral("dee")), ana), "assign sme");
    s.check(store.roles().assign(s.incident, QStringLiteral("customer-liaison"), person(QStringLiteral("eve")), ana),
            "assign liaison");
    const qint64 checkIn =
        s.check(store.timers().startCountdown(s.incident, QStringLiteral("Check back with the DB SME"), 5 * Minute,
                                              TimerOptions{}, ana),
                "countdown");
    s.check(store.timers().startCadence(s.incident, QStringLiteral("Status update"), 20 * Minute, TimerOptions{}, ana),
            "cadence");
    s.minutes(2);
    s.log(EntryKind::Action, ana, QStringLiteral("Dee to find the session holding the lock on events"), false,
          {QStringLiteral("db")});
    s.log(EntryKind::Communication, QStringLiteral("Eve Novak"),
          QStringLiteral("First status page post: checkout delays, investigating"), true);
    s.minutes(1);
    s.log(EntryKind::Note, cy, QStringLiteral("Dashboards show consumer lag 14 min and rising"));
    const qint64 mistaken = s.log(EntryKind::Note, cy, QStringLiteral("Lock held by the nightly report job"));
    s.minutes(2);
    s.check(store.timers().acknowledge(checkIn, ana), "ack");
    s.log(EntryKind::Callout, QStringLiteral("Dee Park"),
          QStringLiteral("Lock held by migration 2026_11_22_add_index, not the report job"), true);
    EntryAmendment fix;
    fix.retracted = true;
    s.check(store.timeline().amend(mistaken, fix, cy), "retract");
    s.check(store.incidents().setStatus(s.incident, IncidentStatus::Identified, ana), "identified");
    s.minutes(1);
    // A roll call over every assigned role: CAN reports, one no-answer.
    const qint64 round = s.check(store.rollCalls().start(s.incident, RollCallSelection{}, ana), "roll call");
    if (auto items = store.rollCalls().roundItems(round)) {
        for (const RollCallItem &item : *items) {
            CanReport can;
            if (item.roleKey == QLatin1String("customer-liaison")) {
                s.check(store.rollCalls().mark(item.id, RollCallItemState::NoAnswer, ana), "no answer");
                continue;
            }
            can.condition = item.roleKey == QLatin1String("sme") ? Condition::Degraded : Condition::Healthy;
            can.conditionText = item.roleKey == QLatin1String("sme") ? QStringLiteral("lock still held") : QString();
            can.actions = item.roleKey == QLatin1String("sme") ? QStringLiteral("tracing the blocking session")
                                                               : QStringLiteral("logging");
            can.needs =
                item.roleKey == QLatin1String("sme") ? QStringLiteral("approval to kill the session") : QString();
            s.check(store.rollCalls().answer(item.id, can, ana), "answer");
        }
    }
    s.check(store.rollCalls().end(round, ana), "end roll call");
    NewDecision decision;
    decision.incidentId = s.incident;
    decision.proposal = QStringLiteral("Kill the migration session and roll the migration back");
    decision.objectionCheck = ObjectionCheck::NoneRaised;
    s.check(store.rollCalls().addDecision(decision, ana), "decision");
    NewAction kill;
    kill.incidentId = s.incident;
    kill.text = QStringLiteral("Terminate the migration's session");
    kill.ownerPersonId = person(QStringLiteral("dee"));
    const qint64 killId = s.check(store.rollCalls().addAction(kill, ana), "action");
    NewAction pause;
    pause.incidentId = s.incident;
    pause.text = QStringLiteral("Pause the deploy pipeline for checkout");
    pause.ownerPersonId = person(QStringLiteral("finn"));
    s.check(store.rollCalls().addAction(pause, ana), "action 2");
    s.check(store.roles().assign(s.incident, QStringLiteral("sme"), person(QStringLiteral("finn")), ana),
            "assign sme 2");
    s.minutes(3);
    const qint64 typo = s.log(EntryKind::Note, QStringLiteral("Dee Park"), QStringLiteral("Session 4411 terminatd"));
    EntryAmendment spelling;
    spelling.text = QStringLiteral("Session 4411 terminated; lock released");
    s.check(store.timeline().amend(typo, spelling, QStringLiteral("Dee Park")), "amend");
    ActionChange done;
    done.status = ActionStatus::Done;
    s.check(store.rollCalls().updateAction(killId, done, QStringLiteral("Dee Park")), "action done");
    s.log(EntryKind::Callout, cy, QStringLiteral("Consumer lag falling: 9 min"), false);
    s.check(store.incidents().setStatus(s.incident, IncidentStatus::Monitoring, ana), "monitoring");
    s.minutes(5);
    s.log(EntryKind::Communication, QStringLiteral("Eve Novak"),
          QStringLiteral("Status page: fix in place, orders catching up"), true);
    s.check(store.roles().handOver(s.incident, QStringLiteral("scribe"), 0, person(QStringLiteral("finn")), ana),
            "handover");
    for (int i = 1; i <= 12; ++i) {
        s.minutes(1);
        s.log(EntryKind::Note, QStringLiteral("Finn Berg"),
              QStringLiteral("Backlog %1 k events, lag %2 min").arg(60 - 5 * i).arg(qMax(0, 9 - i)));
    }
    // The business side: emergency operations, the briefing, a message through the chain, a
    // department told, a question from the press.
    BusinessDeclaration business;
    business.roles = library.find(QStringLiteral("business-response"));
    s.check(store.business().declare(s.incident, business, ana), "business mode");
    if (auto activities = store.business().activities(s.incident); activities && !activities->isEmpty())
        s.check(store.business().haltActivity(activities->constFirst().id, ana), "halt");
    s.check(store.business().answerBriefing(s.incident, QStringLiteral("trigger"), QStringLiteral("A schema migration"),
                                            ana),
            "briefing");
    const qint64 message = s.check(store.business().draftMessage(NewMessage{s.incident, QStringLiteral("customers"),
                                                                            QString(), QStringLiteral("status page"),
                                                                            QStringLiteral("Some orders are delayed.")},
                                                                 ana),
                                   "message");
    s.check(store.business().reviseMessage(message, QStringLiteral("Some orders are delayed; no payment is lost."),
                                           QStringLiteral("status page"), ana),
            "revise");
    // Nobody holds the Legal Officer role yet: the IC reviews in their place, on the record.
    StepSigner icInstead;
    icInstead.overrideReason = QStringLiteral("no Legal Officer on the call yet");
    s.check(store.business().advanceMessage(message, MessageStep::LegalReview, StepVerdict::Approved, QString(), ana,
                                            icInstead),
            "legal");
    s.check(store.business().skipCell(s.incident, QStringLiteral("strategic"), QStringLiteral("investigation"),
                                      QStringLiteral("no strategic customer affected"), ana),
            "skip");
    s.check(store.business().notifyDepartment(s.incident, QStringLiteral("engineering"), QStringLiteral("chat"),
                                              QString(), ana),
            "notify");
    s.check(store.business().logInbound(s.incident, QStringLiteral("media"), QStringLiteral("a reporter"),
                                        QStringLiteral("Are payments affected?"), ana),
            "inbound");
    s.log(EntryKind::Decision, ana, QStringLiteral("Keep the deploy freeze until the index is rebuilt off-peak"), true);
    NewAction lockTimeout;
    lockTimeout.incidentId = s.incident;
    lockTimeout.text = QStringLiteral("Migrations must take locks with a timeout");
    lockTimeout.ownerPersonId = person(QStringLiteral("dee"));
    lockTimeout.followUp = true;
    s.check(store.rollCalls().addAction(lockTimeout, ana), "follow-up");
    s.log(EntryKind::Action, ana, QStringLiteral("Follow-up: alert on consumer lag above 5 min"), false,
          {QStringLiteral("followup")});
    const auto roles = store.roles().list(s.incident);
    if (roles) {
        for (const IncidentRole &r : *roles) {
            if (r.definition.key == QLatin1String("ic")) {
                const auto duties = store.roles().duties(r.id);
                if (duties && !duties->isEmpty())
                    s.check(store.roles().setDutyDone(duties->constFirst().id, true, ana), "duty");
            }
        }
    }
    s.minutes(4);
    // The drill leaves some things open on purpose; the IC acknowledges them on resolving.
    s.check(
        store.resolution().resolve(
            s.incident, {{QStringLiteral("*"), QStringLiteral("the drill ends here; left for the postmortem")}}, ana),
        "resolve");
    s.minutes(1); // the postmortem's owner is named after the call ends
    s.check(store.incidents().setPostmortem(s.incident, QStringLiteral("Dee Park"), clock.nowUtc().addDays(3), ana),
            "postmortem");
    return s.ok ? s.incident : 0;
}

QStringList SampleIncident::keyEventTexts(const IncidentStore &store, qint64 incidentId)
{
    TimelinePage page{incidentId};
    page.oldestFirst = true;
    page.limit = 100000;
    page.filter.keyEventsOnly = true;
    page.filter.includeRetracted = false;
    QStringList texts;
    if (auto entries = store.timeline().entries(page)) {
        for (const TimelineEntry &e : *entries)
            texts << e.text;
    }
    return texts;
}

QStringList DrillIncident::names(int people)
{
    static const QStringList first{
        QStringLiteral("Ana"),  QStringLiteral("Bo"),   QStringLiteral("Cy"),  QStringLiteral("Dee"),
        QStringLiteral("Eve"),  QStringLiteral("Finn"), QStringLiteral("Gus"), QStringLiteral("Hana"),
        QStringLiteral("Ivo"),  QStringLiteral("Jun"),  QStringLiteral("Kai"), QStringLiteral("Lea"),
        QStringLiteral("Mo"),   QStringLiteral("Nia"),  QStringLiteral("Oto"), QStringLiteral("Pia"),
        QStringLiteral("Quin"), QStringLiteral("Rui"),  QStringLiteral("Sol"), QStringLiteral("Tao")};
    static const QStringList last{QStringLiteral("Lima"),  QStringLiteral("Chen"),  QStringLiteral("Okafor"),
                                  QStringLiteral("Park"),  QStringLiteral("Novak"), QStringLiteral("Berg"),
                                  QStringLiteral("Silva"), QStringLiteral("Ito"),   QStringLiteral("Mensah"),
                                  QStringLiteral("Kovac"), QStringLiteral("Dubois")};
    QStringList out;
    for (int i = 0; i < people; ++i)
        out << QStringLiteral("%1 %2").arg(first.at(i % first.size()), last.at((i / first.size()) % last.size()));
    return out;
}

qint64 DrillIncident::create(IncidentStore &store, FakeClock &clock, int people)
{
    Script s{store, clock};
    for (const QString &key : {QStringLiteral("engineering"), QStringLiteral("support")}) {
        Department d;
        d.key = key;
        d.name = key == QLatin1String("engineering") ? QStringLiteral("Engineering") : QStringLiteral("Support");
        s.check(store.roster().saveDepartment(d), "department");
    }
    const QStringList teams{QStringLiteral("SRE"), QStringLiteral("Payments"), QStringLiteral("Database"),
                            QStringLiteral("Network"), QStringLiteral("Customer Care")};
    const QStringList all = names(people);
    QList<qint64> ids;
    for (int i = 0; i < people; ++i) {
        Person p;
        p.name = all.at(i);
        p.handle = QStringLiteral("drill%1").arg(i + 1);
        p.team = teams.at(i % teams.size());
        p.departmentKey =
            p.team == QLatin1String("Customer Care") ? QStringLiteral("support") : QStringLiteral("engineering");
        ids << s.check(store.roster().addPerson(p), "person");
    }
    RoleTemplateLibrary library{QString()};
    NewIncident incident;
    incident.title = title();
    incident.summary = QStringLiteral("A planned drill: the primary region is failed over to the standby while "
                                      "every team confirms its service, its dashboards and its configuration.");
    incident.severity = Severity::Sev2;
    incident.roles = library.find(QStringLiteral("technical-response"));
    s.incident = s.check(store.incidents().create(incident, all.value(0)), "declare");
    if (!s.incident || people < 6)
        return s.incident;
    const QString ic = all.at(0);
    const QStringList fixed{QStringLiteral("ic"), QStringLiteral("deputy"), QStringLiteral("scribe")};
    for (int i = 0; i < fixed.size(); ++i)
        s.check(store.roles().assign(s.incident, fixed.at(i), ids.at(i), ic), "assign");
    s.check(store.roles().assign(s.incident, QStringLiteral("customer-liaison"), ids.at(4), ic), "assign");
    s.check(store.roles().assign(s.incident, QStringLiteral("internal-liaison"), ids.at(5), ic), "assign");
    for (int i = 6; i < people; ++i)
        s.check(store.roles().assign(s.incident, QStringLiteral("sme"), ids.at(i), ic), "assign sme");
    s.log(EntryKind::Status, ic, QStringLiteral("Drill started: failing over the primary region"), true,
          {QStringLiteral("objective")});
    for (int i = 1; i < people; ++i) {
        s.minutes(1);
        s.log(EntryKind::Note, all.at(i),
              QStringLiteral("%1 confirms the configuration of service %2").arg(all.at(i)).arg(i));
        if (i == people / 2)
            s.check(store.roles().handOver(s.incident, QStringLiteral("scribe"), 0, ids.at(3), ic), "hand over");
    }
    s.check(store.resolution().resolve(s.incident, {{QStringLiteral("*"), QStringLiteral("the drill ends here")}}, ic),
            "resolve");
    return s.ok ? s.incident : 0;
}

} // namespace cp::test
