#include "approvalchain.h"
#include "db/incidentstore.h"
#include "domain/roletemplate.h"
#include "fakeclock.h"
#include "storefixture.h"
#include "tempdatabase.h"

#include <QSignalSpy>
#include <QtTest>

using namespace cp;
using Code = StoreError::Code;

// The business incident commands of the store: refusals first (a clear message, nothing
// changed), then the emergency checklist, the briefing, the approval chain, the grid's skips,
// departments told and inbound questions — each on the timeline.
class TstBusiness : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    test::FakeClock *m_clock = nullptr;
    IncidentStore *m_store = nullptr;
    qint64 m_incident = 0;
    const QString m_ana = QStringLiteral("ana");

    qint64 entryCount(qint64 incidentId) const
    {
        TimelinePage page;
        page.incidentId = incidentId;
        page.limit = 100000;
        page.oldestFirst = true;
        auto list = m_store->timeline().entries(page);
        return list ? list->size() : -1;
    }

    QList<TimelineEntry> communications(qint64 incidentId) const
    {
        TimelinePage page;
        page.incidentId = incidentId;
        page.limit = 100000;
        page.oldestFirst = true;
        page.filter.kinds = {EntryKind::Communication};
        auto list = m_store->timeline().entries(page);
        return list ? *list : QList<TimelineEntry>();
    }

    // Business mode, with one holder for each role of the approval chain (ana is the IC).
    void declare()
    {
        QCOMPARE(test::staffApprovalChain(*m_store, m_incident, test::defaultChainHolders()), QString());
        const StoreError error = m_store->business().declare(m_incident, {}, m_ana);
        QVERIFY2(error.ok(), qPrintable(error.message()));
    }

    qint64 draft(const QString &audience = QStringLiteral("customers"), const QString &phase = QString())
    {
        NewMessage m;
        m.incidentId = m_incident;
        m.audience = audience;
        m.phase = phase;
        m.channel = QStringLiteral("email");
        m.text = QStringLiteral("We are looking into failed logins.");
        auto id = m_store->business().draftMessage(m, QStringLiteral("sam"));
        if (!id)
            qWarning() << id.error().message();
        return id ? *id : 0;
    }

    // Every change must be refused, with its code and a message naming the problem, and leave
    // the timeline as it was.
    void expectRefused(const StoreError &error, Code code, const QString &mentions, qint64 entriesBefore)
    {
        QVERIFY2(!error.ok(), "expected a refusal");
        QCOMPARE(error.code(), code);
        QVERIFY2(error.message().contains(mentions, Qt::CaseInsensitive), qPrintable(error.message()));
        QCOMPARE(entryCount(m_incident), entriesBefore);
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        QVERIFY(m_fixture->open().ok());
        m_clock = &m_fixture->clock();
        m_store = &m_fixture->store();
        NewIncident incident;
        incident.title = QStringLiteral("Logins failing");
        incident.severity = Severity::Sev1;
        auto id = m_store->incidents().create(incident, m_ana);
        QVERIFY(id);
        m_incident = *id;
    }

    void cleanup()
    {
        m_store = nullptr;
        m_clock = nullptr;
        m_fixture.reset();
    }

    void refusesBeforeDeclaration()
    {
        const qint64 before = entryCount(m_incident);
        expectRefused(m_store->business().returnToNormal(m_incident, m_ana), Code::NotFound,
                      QStringLiteral("declare business"), before);
        NewMessage m{m_incident, QStringLiteral("customers"), QString(), QStringLiteral("email"),
                     QStringLiteral("text")};
        expectRefused(m_store->business().draftMessage(m, m_ana).error(), Code::NotFound,
                      QStringLiteral("declare business"), before);
        expectRefused(
            m_store->business().answerBriefing(m_incident, QStringLiteral("trigger"), QStringLiteral("x"), m_ana),
            Code::NotFound, QStringLiteral("not a business incident"), before);
        expectRefused(m_store->business().declare(999, {}, m_ana), Code::NotFound, QStringLiteral("#999"), before);
        auto mode = m_store->business().mode(m_incident);
        QVERIFY(mode);
        QVERIFY(!mode->has_value());
    }

    void refusesBadDeclaration()
    {
        const qint64 before = entryCount(m_incident);
        BusinessDeclaration d;
        d.audiences = {QStringLiteral("everyone")};
        expectRefused(m_store->business().declare(m_incident, d, m_ana), Code::Invalid, QStringLiteral("everyone"),
                      before);
        expectRefused(m_store->business().declare(m_incident, {}, QStringLiteral(" ")), Code::Invalid,
                      QStringLiteral("who"), before);
        declare();
        const qint64 after = entryCount(m_incident);
        expectRefused(m_store->business().declare(m_incident, {}, m_ana), Code::Invalid, QStringLiteral("already"),
                      after);
    }

    void declaresWithChecklistAndRoles()
    {
        QSignalSpy business(&m_store->business(), &BusinessRepository::businessChanged);
        QSignalSpy activities(&m_store->business(), &BusinessRepository::activityChanged);
        RoleTemplateLibrary library(m_fixture->files().dir());
        BusinessDeclaration d;
        d.roles = library.find(QStringLiteral("business-response"));
        QVERIFY(d.roles);
        d.audiences = {QStringLiteral("internal"), QStringLiteral("customers"), QStringLiteral("media")};
        QVERIFY(m_store->business().declare(m_incident, d, m_ana).ok());
        QCOMPARE(business.size(), 1);
        QCOMPARE(business.at(0).at(0).toLongLong(), m_incident);
        auto mode = m_store->business().mode(m_incident);
        QVERIFY(mode && mode->has_value());
        QCOMPARE((*mode)->state, BusinessState::Emergency);
        QCOMPARE((*mode)->declaredBy, m_ana);
        QCOMPARE((*mode)->audiences, d.audiences);
        auto list = m_store->business().activities(m_incident);
        QVERIFY(list);
        QCOMPARE(list->size(), BusinessVocabulary::defaultActivities().size());
        QCOMPARE(activities.size(), list->size());
        QCOMPARE(list->first().ownerRoleKey, QStringLiteral("marketing-officer"));
        QCOMPARE(list->last().ownerRoleKey, QStringLiteral("social-officer"));
        auto roles = m_store->roles().list(m_incident);
        QVERIFY(roles);
        QStringList keys;
        for (const IncidentRole &r : std::as_const(*roles))
            keys << r.definition.key;
        QVERIFY(keys.contains(QStringLiteral("elt-approver")));
        const auto entries = communications(m_incident);
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first().keyEvent);
        QVERIFY(entries.first().tags.contains(QStringLiteral("business")));
    }

    void checklistHaltsAndRestartsInOrder()
    {
        declare();
        auto list = *m_store->business().activities(m_incident);
        const qint64 first = list.at(0).id;
        qint64 before = entryCount(m_incident);
        expectRefused(m_store->business().restartActivity(first, m_ana), Code::Invalid, QStringLiteral("never halted"),
                      before);
        QVERIFY(m_store->business().haltActivity(first, QStringLiteral("mo")).ok());
        before = entryCount(m_incident);
        expectRefused(m_store->business().haltActivity(first, m_ana), Code::Invalid, QStringLiteral("already halted"),
                      before);
        expectRefused(m_store->business().restartActivity(first, m_ana), Code::Invalid,
                      QStringLiteral("return to normal"), before);
        expectRefused(m_store->business().haltActivity(424242, m_ana), Code::NotFound, QStringLiteral("#424242"),
                      before);
        expectRefused(m_store->business().addActivity(m_incident, {QStringLiteral(" "), {}}, m_ana).error(),
                      Code::Invalid, QStringLiteral("name"), before);

        auto added = m_store->business().addActivity(
            m_incident, {QStringLiteral("Webinar invitations"), QStringLiteral("marketing-officer")}, m_ana);
        QVERIFY(added);
        auto activity = m_store->business().activity(*added);
        QVERIFY(activity);
        QVERIFY(activity->userAdded);
        QVERIFY(m_store->business().haltActivity(*added, QStringLiteral("mo")).ok());
        // Undo of a halt takes the tick back.
        QVERIFY(m_store->business().withdrawActivityTick(*added, QStringLiteral("mo")).ok());
        QVERIFY(!m_store->business().activity(*added)->haltedAt.isValid());
        QVERIFY(m_store->business().haltActivity(*added, QStringLiteral("mo")).ok());

        m_clock->advanceSecs(600);
        QVERIFY(m_store->business().returnToNormal(m_incident, m_ana).ok());
        QCOMPARE((*m_store->business().mode(m_incident))->state, BusinessState::Restoring);
        before = entryCount(m_incident);
        expectRefused(m_store->business().haltActivity(list.at(1).id, m_ana), Code::Invalid,
                      QStringLiteral("returning"), before);
        expectRefused(m_store->business().returnToNormal(m_incident, m_ana), Code::Invalid, QStringLiteral("already"),
                      before);
        QVERIFY(m_store->business().restartActivity(*added, QStringLiteral("mo")).ok());
        QCOMPARE((*m_store->business().mode(m_incident))->state, BusinessState::Restoring);
        QVERIFY(m_store->business().restartActivity(first, QStringLiteral("mo")).ok());
        auto mode = *m_store->business().mode(m_incident);
        QCOMPARE(mode->state, BusinessState::Normal);
        QCOMPARE(mode->allClearAt, m_clock->nowUtc());
        QVERIFY(mode->analysisTimerId > 0);
        auto timer = m_store->timers().timer(mode->analysisTimerId);
        QVERIFY(timer);
        QCOMPARE(timer->deadlineAt, m_clock->nowUtc().addSecs(24 * 3600));
        QCOMPARE(timer->ownerRoleKey, QStringLiteral("technical-slt"));

        QStringList texts;
        for (const TimelineEntry &e : communications(m_incident))
            texts << e.text;
        QVERIFY(texts.contains(QStringLiteral("Halted: Paid advertising (Marketing Officer)")));
        QVERIFY(texts.contains(QStringLiteral("Restarted: Paid advertising (Marketing Officer)")));
        QVERIFY(texts.last().startsWith(QStringLiteral("All clear")));
    }

    void nothingHaltedGoesStraightToNormal()
    {
        declare();
        QVERIFY(m_store->business().returnToNormal(m_incident, m_ana).ok());
        QCOMPARE((*m_store->business().mode(m_incident))->state, BusinessState::Normal);
    }

    void briefingAnswersAreKept()
    {
        declare();
        const qint64 before = entryCount(m_incident);
        expectRefused(
            m_store->business().answerBriefing(m_incident, QStringLiteral("colour"), QStringLiteral("x"), m_ana),
            Code::Invalid, QStringLiteral("colour"), before);
        expectRefused(
            m_store->business().answerBriefing(m_incident, QStringLiteral("trigger"), QStringLiteral("  "), m_ana),
            Code::Invalid, QStringLiteral("unknown"), before);
        QVERIFY(m_store->business()
                    .answerBriefing(m_incident, QStringLiteral("affected-now"), QStringLiteral("about 1200"),
                                    QStringLiteral("cl"))
                    .ok());
        QVERIFY(m_store->business()
                    .answerBriefing(m_incident, QStringLiteral("trigger"), QStringLiteral("auth DB locked"),
                                    QStringLiteral("cl"))
                    .ok());
        m_clock->advanceSecs(60);
        QVERIFY(m_store->business()
                    .answerBriefing(m_incident, QStringLiteral("affected-now"), QStringLiteral("about 3000"),
                                    QStringLiteral("cl"))
                    .ok());
        auto answers = m_store->business().briefingAnswers(m_incident);
        QVERIFY(answers);
        QCOMPARE(answers->size(), 2);
        QCOMPARE(answers->at(0).questionKey, QStringLiteral("trigger")); // question order
        QCOMPARE(answers->at(1).answer, QStringLiteral("about 3000"));
        QCOMPARE(answers->at(1).answeredAt, m_clock->nowUtc());
        QCOMPARE(entryCount(m_incident), before + 3);
    }

    void messageCannotSkipAStep()
    {
        declare();
        const qint64 id = draft();
        QVERIFY(id > 0);
        auto m = *m_store->business().message(id);
        QCOMPARE(m.phase, QStringLiteral("investigation"));
        QCOMPARE(m.waitingFor, MessageStep::LegalReview);
        const qint64 before = entryCount(m_incident);
        for (MessageStep step :
             {MessageStep::MessagingReview, MessageStep::EltApproval, MessageStep::IcAuthorisation, MessageStep::Send})
            expectRefused(m_store->business().advanceMessage(id, step, StepVerdict::Approved, {}, m_ana), Code::Invalid,
                          QStringLiteral("cannot skip"), before);
        expectRefused(
            m_store->business().advanceMessage(id, MessageStep::LegalReview, StepVerdict::ChangesRequested, {}, m_ana),
            Code::Invalid, QStringLiteral("comment"), before);
        expectRefused(
            m_store->business().advanceMessage(777, MessageStep::LegalReview, StepVerdict::Approved, {}, m_ana),
            Code::NotFound, QStringLiteral("#777"), before);
        QCOMPARE(m_store->business().message(id)->steps.size(), 1);
        // One message per audience and phase.
        NewMessage again{m_incident, QStringLiteral("customers"), QStringLiteral("investigation"),
                         QStringLiteral("email"), QStringLiteral("x")};
        expectRefused(m_store->business().draftMessage(again, m_ana).error(), Code::Invalid, QStringLiteral("revise"),
                      before);
        again.audience = QStringLiteral("press");
        expectRefused(m_store->business().draftMessage(again, m_ana).error(), Code::Invalid, QStringLiteral("press"),
                      before);
    }

    void fullChainWithOneRoundOfChanges()
    {
        declare();
        QSignalSpy changed(&m_store->business(), &BusinessRepository::messageChanged);
        const qint64 id = draft();
        QCOMPARE(changed.size(), 1);
        QVERIFY(m_store->business()
                    .advanceMessage(id, MessageStep::LegalReview, StepVerdict::Approved, {}, QStringLiteral("lee"))
                    .ok());
        QVERIFY(m_store->business()
                    .advanceMessage(id, MessageStep::MessagingReview, StepVerdict::ChangesRequested,
                                    QStringLiteral("say 'some customers'"), QStringLiteral("mia"))
                    .ok());
        auto m = *m_store->business().message(id);
        QVERIFY(m.changesRequested());
        const qint64 before = entryCount(m_incident);
        expectRefused(
            m_store->business().advanceMessage(id, MessageStep::MessagingReview, StepVerdict::Approved, {}, m_ana),
            Code::Invalid, QStringLiteral("revised draft"), before);
        QVERIFY(m_store->business()
                    .reviseMessage(id, QStringLiteral("Some customers cannot log in."), {}, QStringLiteral("sam"))
                    .ok());
        m = *m_store->business().message(id);
        QCOMPARE(m.version, 2);
        QCOMPARE(m.waitingFor, MessageStep::LegalReview);
        QCOMPARE(m.earlier.size(), 1);
        QCOMPARE(m.earlier.first().text, QStringLiteral("We are looking into failed logins."));
        // The legal review of version 1 does not count for version 2.
        expectRefused(
            m_store->business().advanceMessage(id, MessageStep::MessagingReview, StepVerdict::Approved, {}, m_ana),
            Code::Invalid, QStringLiteral("legal review"), entryCount(m_incident));
        const QList<std::pair<MessageStep, QString>> chain{{MessageStep::LegalReview, QStringLiteral("lee")},
                                                           {MessageStep::MessagingReview, QStringLiteral("mia")},
                                                           {MessageStep::EltApproval, QStringLiteral("ceo")},
                                                           {MessageStep::IcAuthorisation, m_ana},
                                                           {MessageStep::Send, QStringLiteral("mo")}};
        for (const auto &[step, who] : chain) {
            m_clock->advanceSecs(120);
            const StoreError error = m_store->business().advanceMessage(id, step, StepVerdict::Approved, {}, who);
            QVERIFY2(error.ok(), qPrintable(error.message()));
        }
        m = *m_store->business().message(id);
        QVERIFY(m.isSent());
        QCOMPARE(m.sentAt, m_clock->nowUtc());
        QCOMPARE(m.steps.size(), 1 + 2 + 1 + 5); // draft, legal, changes; revision; five steps
        QCOMPARE(m.steps.at(2).verdict, StepVerdict::ChangesRequested);
        QCOMPARE(m.steps.at(2).comment, QStringLiteral("say 'some customers'"));
        QCOMPARE(m.steps.last().by, QStringLiteral("mo"));
        expectRefused(m_store->business().reviseMessage(id, QStringLiteral("x"), {}, m_ana), Code::Invalid,
                      QStringLiteral("already sent"), entryCount(m_incident));
        const auto entries = communications(m_incident);
        int aboutMessage = 0;
        for (const TimelineEntry &e : entries)
            aboutMessage += e.tags.contains(QStringLiteral("message-%1").arg(id)) ? 1 : 0;
        QCOMPARE(aboutMessage, 9);
        QVERIFY(entries.last().keyEvent); // sent
    }

    // A step taken by someone who does not hold its role is refused, says who does, and changes
    // nothing: not the message, not the timeline.
    void stepByNonHolderIsRefused()
    {
        declare();
        const qint64 id = draft();
        const qint64 before = entryCount(m_incident);
        auto &business = m_store->business();
        expectRefused(business.advanceMessage(id, MessageStep::LegalReview, StepVerdict::Approved, {}, m_ana),
                      Code::Invalid, QStringLiteral("ana does not hold the Legal Officer role (held by lee)"), before);
        StepSigner forMia;
        forMia.actingFor = QStringLiteral("mia");
        expectRefused(business.advanceMessage(id, MessageStep::LegalReview, StepVerdict::Approved, {}, m_ana, forMia),
                      Code::Invalid, QStringLiteral("mia does not hold the Legal Officer role"), before);
        expectRefused(business.advanceMessage(id, MessageStep::LegalReview, StepVerdict::ChangesRequested,
                                              QStringLiteral("shorter"), QStringLiteral("mia")),
                      Code::Invalid, QStringLiteral("mia does not hold"), before);
        const Message m = *business.message(id);
        QCOMPARE(m.waitingFor, MessageStep::LegalReview);
        QCOMPARE(m.steps.size(), 1);
    }

    // One person at the keyboard clicking Approve four times passes nothing: each step needs its
    // role's holder (or whom the person says they act for).
    void oneClickerCannotPassTheChain()
    {
        declare();
        const qint64 id = draft();
        const QString mei = QStringLiteral("Mei Chen");
        const qint64 before = entryCount(m_incident);
        for (int click = 0; click < 4; ++click) {
            const Message m = *m_store->business().message(id);
            expectRefused(m_store->business().advanceMessage(id, m.waitingFor, StepVerdict::Approved, {}, mei),
                          Code::Invalid, QStringLiteral("Mei Chen does not hold"), before);
        }
        QCOMPARE(m_store->business().message(id)->waitingFor, MessageStep::LegalReview);

        // Acting for the holders, the record names each of them and says who entered the steps.
        const QList<std::pair<MessageStep, QString>> chain{{MessageStep::LegalReview, QStringLiteral("lee")},
                                                           {MessageStep::MessagingReview, QStringLiteral("mia")},
                                                           {MessageStep::EltApproval, QStringLiteral("ceo")},
                                                           {MessageStep::IcAuthorisation, m_ana}};
        for (const auto &[step, holder] : chain) {
            StepSigner signer;
            signer.actingFor = holder;
            const StoreError error =
                m_store->business().advanceMessage(id, step, StepVerdict::Approved, {}, mei, signer);
            QVERIFY2(error.ok(), qPrintable(error.message()));
            const TimelineEntry said = communications(m_incident).constLast();
            QCOMPARE(said.author, mei);
            QVERIFY2(said.text.contains(QStringLiteral("by %1 (").arg(holder)) &&
                         said.text.endsWith(QStringLiteral("), entered by Mei Chen")),
                     qPrintable(said.text));
        }
        const Message m = *m_store->business().message(id);
        QCOMPARE(m.waitingFor, MessageStep::Send);
        QStringList by;
        for (const MessageStepRecord &s : m.steps)
            by << s.by;
        QCOMPARE(by, (QStringList{QStringLiteral("sam"), QStringLiteral("lee"), QStringLiteral("mia"),
                                  QStringLiteral("ceo"), m_ana}));
    }

    // The IC may take a step in the holder's place: only with a reason, recorded on the step and
    // the timeline. Nobody else may, and the IC's own step has no override.
    void icOverrideNeedsAReasonAndIsRecorded()
    {
        declare();
        const qint64 id = draft();
        auto &business = m_store->business();
        QVERIFY(business.advanceMessage(id, MessageStep::LegalReview, StepVerdict::Approved, {}, QStringLiteral("lee"))
                    .ok());
        QVERIFY(
            business.advanceMessage(id, MessageStep::MessagingReview, StepVerdict::Approved, {}, QStringLiteral("mia"))
                .ok());
        const qint64 before = entryCount(m_incident);
        StepSigner blank;
        blank.overrideReason = QStringLiteral("   ");
        expectRefused(business.advanceMessage(id, MessageStep::EltApproval, StepVerdict::Approved, {}, m_ana, blank),
                      Code::Invalid, QStringLiteral("ana does not hold the ELT Approver role"), before);
        StepSigner notTheIc;
        notTheIc.overrideReason = QStringLiteral("the ELT Approver is on a plane");
        expectRefused(business.advanceMessage(id, MessageStep::EltApproval, StepVerdict::Approved, {},
                                              QStringLiteral("mia"), notTheIc),
                      Code::Invalid, QStringLiteral("Only the IC (ana) can take the ELT Approver's step"), before);

        StepSigner icInstead = notTheIc;
        icInstead.actingFor = m_ana;
        QVERIFY(business
                    .advanceMessage(id, MessageStep::EltApproval, StepVerdict::Approved, QStringLiteral("checked"),
                                    QStringLiteral("mia"), icInstead)
                    .ok());
        const MessageStepRecord step = business.message(id)->steps.constLast();
        QCOMPARE(step.step, MessageStep::EltApproval);
        QCOMPARE(step.by, m_ana);
        QCOMPARE(step.comment, QStringLiteral("IC override: the ELT Approver is on a plane — checked"));
        const TimelineEntry said = communications(m_incident).constLast();
        QCOMPARE(said.author, QStringLiteral("mia"));
        QVERIFY2(said.text.contains(QStringLiteral("taken by the IC ana in place of the ELT Approver, entered by mia "
                                                   "— IC override: the ELT Approver is on a plane")),
                 qPrintable(said.text));

        StepSigner ownStep;
        ownStep.overrideReason = QStringLiteral("why not");
        expectRefused(
            business.advanceMessage(id, MessageStep::IcAuthorisation, StepVerdict::Approved, {}, m_ana, ownStep),
            Code::Invalid, QStringLiteral("no override"), entryCount(m_incident));
    }

    // On a team server the server stamps each step with the login's person: nobody enters a step
    // for somebody else, and the IC's override is the IC's own.
    void teamServerTakesNoStepForSomebodyElse()
    {
        StepTakers::Staffing staffing;
        staffing.roleTitle = QStringLiteral("Legal Officer");
        staffing.holders = {RoleHolder{1, 11, QStringLiteral("Lee Fox"), QStringLiteral("lee"), {}}};
        staffing.commanders = {RoleHolder{2, 12, QStringLiteral("Ana Lima"), QStringLiteral("ana"), {}}};
        staffing.loginIsProof = true;
        QString problem;
        StepSigner forLee;
        forLee.actingFor = QStringLiteral("lee");
        QVERIFY(!StepTakers::forApproval(staffing, forLee, QStringLiteral("Mei Chen"), &problem));
        QVERIFY2(problem.contains(QStringLiteral("under its holder's own login")), qPrintable(problem));
        QCOMPARE(StepTakers::forApproval(staffing, forLee, QStringLiteral("Lee Fox"), &problem)->by,
                 QStringLiteral("Lee Fox")); // naming oneself is fine
        StepSigner icForMei;
        icForMei.actingFor = QStringLiteral("ana");
        icForMei.overrideReason = QStringLiteral("Lee is away");
        QVERIFY(!StepTakers::forApproval(staffing, icForMei, QStringLiteral("Mei Chen"), &problem));
        StepSigner icOwn;
        icOwn.overrideReason = QStringLiteral("Lee is away");
        const auto taken = StepTakers::forApproval(staffing, icOwn, QStringLiteral("ana"), &problem);
        QVERIFY2(taken, qPrintable(problem));
        QCOMPARE(taken->by, QStringLiteral("Ana Lima"));
        QVERIFY(!StepTakers::forDraft(staffing, forLee, QStringLiteral("Mei Chen"), &problem));
        // A draft is the login's, recorded as for the role's holder.
        const auto drafted = StepTakers::forDraft(staffing, {}, QStringLiteral("Mei Chen"), &problem);
        QVERIFY2(drafted, qPrintable(problem));
        QCOMPARE(drafted->by, QStringLiteral("Mei Chen"));
        QCOMPARE(drafted->note(), QStringLiteral("by Mei Chen for the Legal Officer Lee Fox"));
    }

    // A vacant role leaves only the IC's override; without an IC nobody can take the step.
    void vacantRoleLeavesTheOverride()
    {
        QCOMPARE(test::staffApprovalChain(*m_store, m_incident, {{QStringLiteral("ic"), m_ana}}), QString());
        QVERIFY(m_store->business().declare(m_incident, {}, m_ana).ok());
        const qint64 id = draft();
        QCOMPARE(m_store->business().message(id)->steps.constFirst().by, QStringLiteral("sam")); // no TSLT: as typed
        QVERIFY2(communications(m_incident)
                     .constLast()
                     .text.contains(QStringLiteral("by sam (no Technical SLT is assigned)")),
                 qPrintable(communications(m_incident).constLast().text));
        const qint64 before = entryCount(m_incident);
        expectRefused(
            m_store->business().advanceMessage(id, MessageStep::LegalReview, StepVerdict::Approved, {}, m_ana),
            Code::Invalid, QStringLiteral("Nobody holds the Legal Officer role"), before);
        StepSigner icInstead;
        icInstead.overrideReason = QStringLiteral("no Legal Officer on the call yet");
        QVERIFY(m_store->business()
                    .advanceMessage(id, MessageStep::LegalReview, StepVerdict::Approved, {}, m_ana, icInstead)
                    .ok());
        QCOMPARE(m_store->business().message(id)->steps.constLast().by, m_ana);
    }

    // The draft and each revision are the Technical SLT's, typed by whoever is at the keyboard.
    void draftIsRecordedForTheTechnicalSlt()
    {
        declare();
        NewMessage m{m_incident, QStringLiteral("internal"), QString(), QStringLiteral("chat"),
                     QStringLiteral("Logins fail for some staff.")};
        const qint64 before = entryCount(m_incident);
        StepSigner notTheSlt;
        notTheSlt.actingFor = QStringLiteral("lee");
        expectRefused(m_store->business().draftMessage(m, QStringLiteral("Mei Chen"), notTheSlt).error(), Code::Invalid,
                      QStringLiteral("lee does not hold the Technical SLT role (held by sam)"), before);
        auto id = m_store->business().draftMessage(m, QStringLiteral("Mei Chen"));
        QVERIFY(id);
        QVERIFY(m_store->business()
                    .advanceMessage(*id, MessageStep::LegalReview, StepVerdict::ChangesRequested,
                                    QStringLiteral("say 'some staff'"), QStringLiteral("lee"))
                    .ok());
        QVERIFY(m_store->business()
                    .reviseMessage(*id, QStringLiteral("Some staff cannot log in."), {}, QStringLiteral("Mei Chen"))
                    .ok());
        const Message message = *m_store->business().message(*id);
        QCOMPARE(message.createdBy, QStringLiteral("sam"));
        QCOMPARE(message.earlier.constFirst().draftedBy, QStringLiteral("sam"));
        QCOMPARE(message.steps.constFirst().by, QStringLiteral("sam"));
        QCOMPARE(message.steps.constLast().by, QStringLiteral("sam")); // the revision
        const QList<TimelineEntry> said = communications(m_incident);
        QVERIFY2(said.constLast().text.contains(QStringLiteral("by sam (Technical SLT), entered by Mei Chen")),
                 qPrintable(said.constLast().text));
        QCOMPARE(said.constLast().author, QStringLiteral("Mei Chen"));
    }

    void skippedCells()
    {
        declare();
        qint64 before = entryCount(m_incident);
        expectRefused(m_store->business().skipCell(m_incident, QStringLiteral("strategic"),
                                                   QStringLiteral("monitoring"), {}, m_ana),
                      Code::Invalid, QStringLiteral("why"), before);
        QVERIFY(m_store->business()
                    .skipCell(m_incident, QStringLiteral("strategic"), QStringLiteral("monitoring"),
                              QStringLiteral("told them by phone"), m_ana)
                    .ok());
        before = entryCount(m_incident);
        NewMessage m{m_incident, QStringLiteral("strategic"), QStringLiteral("monitoring"), QStringLiteral("email"),
                     QStringLiteral("x")};
        expectRefused(m_store->business().draftMessage(m, m_ana).error(), Code::Invalid, QStringLiteral("skipped"),
                      before);
        auto cells = m_store->business().skippedCells(m_incident);
        QVERIFY(cells);
        QCOMPARE(cells->size(), 1);
        QCOMPARE(cells->first().reason, QStringLiteral("told them by phone"));
        QVERIFY(m_store->business()
                    .unskipCell(m_incident, QStringLiteral("strategic"), QStringLiteral("monitoring"), m_ana)
                    .ok());
        QVERIFY(m_store->business().skippedCells(m_incident)->isEmpty());
        QVERIFY(m_store->business().draftMessage(m, m_ana));
    }

    void departmentsTold()
    {
        Department finance;
        finance.key = QStringLiteral("finance");
        finance.name = QStringLiteral("Finance");
        QVERIFY(m_store->roster().saveDepartment(finance));
        QSignalSpy notices(&m_store->business(), &BusinessRepository::noticeChanged);
        const qint64 before = entryCount(m_incident);
        expectRefused(
            m_store->business().notifyDepartment(m_incident, QStringLiteral("astrology"), {}, {}, m_ana).error(),
            Code::NotFound, QStringLiteral("astrology"), before);
        expectRefused(m_store->business().notifyDepartment(555, QStringLiteral("finance"), {}, {}, m_ana).error(),
                      Code::NotFound, QStringLiteral("#555"), before);
        auto id = m_store->business().notifyDepartment(m_incident, QStringLiteral("Finance"), QStringLiteral("phone"),
                                                       QStringLiteral("billing may be late"), QStringLiteral("il"));
        QVERIFY(id);
        QCOMPARE(notices.size(), 1);
        auto list = m_store->business().stakeholderNotices(m_incident);
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().departmentKey, QStringLiteral("finance"));
        QCOMPARE(list->first().method, QStringLiteral("phone"));
        QCOMPARE(communications(m_incident).last().text, QStringLiteral("Told Finance (phone) — billing may be late"));
        QVERIFY(m_store->business().withdrawNotice(*id, QStringLiteral("il")).ok());
        QVERIFY(m_store->business().stakeholderNotices(m_incident)->isEmpty());
        QVERIFY(BusinessVocabulary::mustBeTold(finance, IncidentKind::Technical, Severity::Sev1));
        QVERIFY(!BusinessVocabulary::mustBeTold(finance, IncidentKind::Technical, Severity::Sev4));
    }

    void inboundQuestions()
    {
        const qint64 before = entryCount(m_incident);
        expectRefused(
            m_store->business().logInbound(m_incident, QStringLiteral("fax"), {}, QStringLiteral("?"), m_ana).error(),
            Code::Invalid, QStringLiteral("fax"), before);
        auto id = m_store->business().logInbound(m_incident, QStringLiteral("media"), QStringLiteral("Daily Planet"),
                                                 QStringLiteral("Is customer data at risk?"), m_ana);
        QVERIFY(id);
        QVERIFY(m_store->business()
                    .answerInbound(*id, QStringLiteral("No data was exposed."), QStringLiteral("medo"))
                    .ok());
        expectRefused(m_store->business().answerInbound(*id, QStringLiteral("again"), m_ana), Code::Invalid,
                      QStringLiteral("already answered"), before + 2);
        auto list = m_store->business().inboundQuestions(m_incident);
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QVERIFY(list->first().isAnswered());
        QCOMPARE(list->first().from, QStringLiteral("Daily Planet"));
    }

    void vocabulary()
    {
        QCOMPARE(BusinessVocabulary::phaseForStatus(IncidentStatus::Investigating), QStringLiteral("investigation"));
        QCOMPARE(BusinessVocabulary::phaseForStatus(IncidentStatus::Identified), QStringLiteral("identification"));
        QCOMPARE(BusinessVocabulary::phaseForStatus(IncidentStatus::Monitoring), QStringLiteral("monitoring"));
        QCOMPARE(BusinessVocabulary::phaseForStatus(IncidentStatus::Resolved), QStringLiteral("resolution"));
        for (MessageStep s : BusinessVocabulary::chain())
            QCOMPARE(BusinessVocabulary::stepFromKey(BusinessVocabulary::stepKey(s)), s);
        QCOMPARE(BusinessVocabulary::briefingQuestions().size(), 8);
        Department cs;
        cs.key = QStringLiteral("customer-success");
        cs.name = QStringLiteral("Customer Success");
        QCOMPARE(BusinessVocabulary::canonicalDepartment(cs), QStringLiteral("support"));
        QVERIFY(BusinessVocabulary::requiredDepartments(IncidentKind::Security, Severity::Sev3)
                    .contains(QStringLiteral("hr")));
    }
};

QTEST_GUILESS_MAIN(TstBusiness)
#include "tst_business.moc"
