// The window's undo commands: the ones that carry an id merge with the step before them (a
// severity stepped twice, the title edited twice, one entry amended twice is one undo), and
// the others carry none, so QUndoStack never tries to merge them.

#include "domain/rollcall.h"
#include "storefixture.h"
#include "undo/businessundocommands.h"
#include "undo/rolecommands.h"
#include "undo/rollcallcommands.h"
#include "undo/savestatus.h"
#include "undo/storecommands.h"

#include <QTest>
#include <QUndoStack>

using namespace cp;

class TstUndoCommands : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    std::unique_ptr<SaveStatus> m_status;
    std::unique_ptr<QUndoStack> m_stack;
    IncidentStore *m_store = nullptr;
    qint64 m_incident = 0;
    const QString m_ana = QStringLiteral("ana");

    qint64 declare(const QString &title)
    {
        NewIncident incident;
        incident.title = title;
        incident.summary = QStringLiteral("Checkout fails for card payments");
        incident.severity = Severity::Sev3;
        auto id = m_store->incidents().create(incident, m_ana);
        return id ? *id : 0;
    }
    bool run(std::unique_ptr<StoreCommand> command) { return StoreCommand::execute(*m_stack, std::move(command)).ok(); }
    bool severity(qint64 incidentId, Severity severity)
    {
        return run(std::make_unique<SetSeverityCommand>(*m_store, m_status.get(), incidentId, severity, m_ana));
    }
    Incident incident(qint64 incidentId) const { return *m_store->incidents().incident(incidentId); }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        QVERIFY(m_fixture->open().ok());
        m_store = &m_fixture->store();
        m_status = std::make_unique<SaveStatus>(m_fixture->clock());
        m_stack = std::make_unique<QUndoStack>();
        m_incident = declare(QStringLiteral("Checkout is down"));
        QVERIFY(m_incident > 0);
    }

    void cleanup()
    {
        m_stack.reset();
        m_status.reset();
        m_fixture.reset();
    }

    void onlyMergingCommandsCarryAnId()
    {
        SaveStatus *status = m_status.get();
        NewEntry entry;
        entry.incidentId = m_incident;
        QCOMPARE(LogEntryCommand(*m_store, status, entry).id(), -1);
        QCOMPARE(SetStatusCommand(*m_store, status, m_incident, IncidentStatus::Identified, m_ana).id(), -1);
        QCOMPARE(AssignRoleCommand(*m_store, status, m_incident, QStringLiteral("ic"), QStringLiteral("IC"), 1,
                                   QStringLiteral("Bo"), m_ana)
                     .id(),
                 -1);
        QCOMPARE(ReleaseRoleCommand(*m_store, status, m_incident, QStringLiteral("ic"), QStringLiteral("IC"), 1,
                                    QStringLiteral("Bo"), m_ana)
                     .id(),
                 -1);
        QCOMPARE(HandOverRoleCommand(*m_store, status, m_incident, QStringLiteral("ic"), QStringLiteral("IC"), 1, 2,
                                     QStringLiteral("Cy"), m_ana)
                     .id(),
                 -1);
        QCOMPARE(RollCallItemCommand(*m_store, status, RollCallItem(), RollCallItemState::Skipped, {}, m_ana).id(), -1);
        QCOMPARE(UpdateActionCommand(*m_store, status, IncidentAction(), ActionChange(), m_ana).id(), -1);
        QCOMPARE(TickActivityCommand(*m_store, status, 1, false, QStringLiteral("Newsletter"), m_ana).id(), -1);
        QCOMPARE(NotifyDepartmentCommand(*m_store, status, m_incident, QStringLiteral("finance"),
                                         QStringLiteral("email"), m_ana)
                     .id(),
                 -1);
        QCOMPARE(SkipCellCommand(*m_store, status, m_incident, QStringLiteral("customers"), QStringLiteral("first"),
                                 QStringLiteral("none"), m_ana)
                     .id(),
                 -1);

        QVERIFY(SetSeverityCommand(*m_store, status, m_incident, Severity::Sev1, m_ana).id() != -1);
        QVERIFY(SetDetailsCommand(*m_store, status, m_incident, QStringLiteral("T"), QStringLiteral("S"), m_ana).id() !=
                -1);
        QVERIFY(AmendEntryCommand(*m_store, status, 1, EntryAmendment(), m_ana).id() != -1);
    }

    void severityStepsAreOneUndo()
    {
        QVERIFY(severity(m_incident, Severity::Sev2));
        QVERIFY(severity(m_incident, Severity::Sev1));
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_stack->undoText(), QStringLiteral("Set severity SEV-1"));
        m_stack->undo();
        QCOMPARE(incident(m_incident).severity, Severity::Sev3); // where it started
        m_stack->redo();
        QCOMPARE(incident(m_incident).severity, Severity::Sev1);

        // Back where it started: nothing is left to undo.
        m_stack->undo();
        m_stack->clear();
        QVERIFY(severity(m_incident, Severity::Sev2));
        QVERIFY(severity(m_incident, Severity::Sev3));
        QCOMPARE(m_stack->count(), 0);
        QCOMPARE(incident(m_incident).severity, Severity::Sev3);

        // Another incident's severity is its own step.
        const qint64 other = declare(QStringLiteral("Search is slow"));
        QVERIFY(severity(m_incident, Severity::Sev2));
        QVERIFY(severity(other, Severity::Sev1));
        QCOMPARE(m_stack->count(), 2);
    }

    void detailEditsAreOneUndo()
    {
        QVERIFY(run(std::make_unique<SetDetailsCommand>(
            *m_store, m_status.get(), m_incident, QStringLiteral("Checkout down"), QStringLiteral("Cards"), m_ana)));
        QVERIFY(run(std::make_unique<SetDetailsCommand>(*m_store, m_status.get(), m_incident,
                                                        QStringLiteral("Checkout down (EU)"), QStringLiteral("Cards"),
                                                        m_ana)));
        QCOMPARE(m_stack->count(), 1);
        m_stack->undo();
        QCOMPARE(incident(m_incident).title, QStringLiteral("Checkout is down"));
        QCOMPARE(incident(m_incident).summary, QStringLiteral("Checkout fails for card payments"));
    }

    void amendsOfOneEntryAreOneUndo()
    {
        NewEntry entry;
        entry.incidentId = m_incident;
        entry.author = m_ana;
        entry.text = QStringLiteral("rolled back");
        const qint64 first = *m_store->timeline().append(entry);
        entry.text = QStringLiteral("paged the DBA");
        const qint64 second = *m_store->timeline().append(entry);
        const auto amendText = [this](qint64 entryId, const QString &text) {
            EntryAmendment change;
            change.text = text;
            return run(std::make_unique<AmendEntryCommand>(*m_store, m_status.get(), entryId, change, m_ana));
        };

        QVERIFY(amendText(first, QStringLiteral("rolled back 4.13")));
        QVERIFY(amendText(first, QStringLiteral("rolled back 4.13 to 4.12")));
        QCOMPARE(m_stack->count(), 1);
        QVERIFY(amendText(second, QStringLiteral("paged the DBA on call"))); // another entry
        QCOMPARE(m_stack->count(), 2);
        m_stack->undo();
        m_stack->undo();
        QCOMPARE(m_store->timeline().entry(first)->text, QStringLiteral("rolled back"));
        QCOMPARE(m_store->timeline().entry(second)->text, QStringLiteral("paged the DBA"));

        // A key-event mark set and taken back leaves nothing to undo; a text change after it
        // (another field) is a step of its own.
        m_stack->clear();
        QVERIFY(run(AmendEntryCommand::markKeyEvent(*m_store, m_status.get(), first, true, m_ana)));
        QVERIFY(run(AmendEntryCommand::markKeyEvent(*m_store, m_status.get(), first, false, m_ana)));
        QCOMPARE(m_stack->count(), 0);
        QVERIFY(run(AmendEntryCommand::markKeyEvent(*m_store, m_status.get(), first, true, m_ana)));
        QVERIFY(amendText(first, QStringLiteral("rolled back to 4.12")));
        QCOMPARE(m_stack->count(), 2);
    }
};

QTEST_MAIN(TstUndoCommands)
#include "tst_undocommands.moc"
