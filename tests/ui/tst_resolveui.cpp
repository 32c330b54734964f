// Resolving in the window: the checklist (settle or acknowledge each open item), the closed
// record afterwards (opening, following, replaying or exporting a resolved incident writes
// nothing, whatever the clock says), and reopening with a reason.
#include "dialogs/resolvedialog.h"
#include "docks/timersdock.h"
#include "exchange/exchangerepository.h"
#include "exchange/incidentjson.h"
#include "models/timermodel.h"
#include "rollcallscenario.h"
#include "sampleincident.h"
#include "shadow/replaybar.h"
#include "shadow/shadowwindow.h"
#include "timers/timerservice.h"
#include "uifixture.h"
#include "window/shadowactions.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cp;

namespace {

constexpr qint64 Minute = 60 * 1000;

QByteArray exportJson(const IncidentStore &store, qint64 incidentId)
{
    auto document = ExchangeRepository::exportIncident(store, incidentId);
    return document ? IncidentJson::write(*document) : QByteArray();
}

int overdueRows(const TimerModel &model)
{
    int n = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto phase = static_cast<TimerPhase>(model.index(row, 0).data(TimerModel::StateRole).toInt());
        n += phase == TimerPhase::Expired || phase == TimerPhase::DueSoon ? 1 : 0;
    }
    return n;
}

} // namespace

class TstResolveUi : public QObject
{
    Q_OBJECT

private slots:
    // The drill is resolved; a month later it is opened in the window, with the shadow view and a
    // replay, the timers ticked: its JSON export stays byte for byte what it was.
    void openingAResolvedIncidentWritesNothing()
    {
        test::UiFixture f;
        QVERIFY(f.openError.ok());
        const qint64 id = test::SampleIncident::create(*f.store, f.clock);
        QVERIFY(id > 0);
        // A timer an older version left running on the resolved incident.
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("legacy"));
            raw.setDatabaseName(f.store->session().path());
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(
                q.exec(QStringLiteral("UPDATE timer SET state = 'running' WHERE id = (SELECT MIN(id) FROM timer)")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("legacy"));
        const QByteArray before = exportJson(*f.store, id);
        QVERIFY(!before.isEmpty());
        const qint64 entriesBefore = f.store->session().stats()->entries;

        f.clock.advance(30LL * 24 * 60 * Minute); // far past every deadline
        MainWindow &w = f.makeWindow();
        QVERIFY(w.openIncident(id));
        w.shadowActions()->showShadowView();
        QString error;
        std::unique_ptr<ShadowWindow> replay(openReplayWindow(*f.store, f.clock, nullptr, id, nullptr, &error));
        QVERIFY2(replay, qPrintable(error));
        replay->setAttribute(Qt::WA_DeleteOnClose, false);
        for (int i = 0; i < 5; ++i) {
            w.timerService()->tick();
            f.clock.advanceSecs(1);
        }
        f.store->session().dispatchChanges(); // what the store's change polling would announce
        QCOMPARE(overdueRows(*w.timersDock()->model()), 0);
        QVERIFY(w.shadowWindow());
        QCOMPARE(overdueRows(*w.shadowWindow()->timerModel()), 0);
        QCOMPARE(f.store->session().stats()->entries, entriesBefore);
        QCOMPARE(exportJson(*f.store, id), before);
    }

    // Ctrl+Shift+R lists what is open; each row is settled or acknowledged, then it resolves in
    // one go: acknowledgements on the timeline, the roll call closed, the timers stopped once.
    void checklistSettlesOrAcknowledgesEachItem()
    {
        test::UiFixture f;
        test::RollCallScenario scenario;
        QCOMPARE(scenario.setUp(*f.store), QString());
        const qint64 id = scenario.incidentId;
        auto open = f.store->rollCalls().addAction({id, QStringLiteral("Roll back 4.13")}, QStringLiteral("ana"));
        auto other = f.store->rollCalls().addAction({id, QStringLiteral("Page the DBA")}, QStringLiteral("ana"));
        QVERIFY(open.ok() && other.ok());
        QVERIFY(f.store->timers().startDefaults(id, Severity::Sev1, QStringLiteral("ana")).ok());
        QVERIFY(f.store->rollCalls().start(id, RollCallSelection{}, QStringLiteral("ana")).ok());
        MainWindow &w = f.makeWindow();
        QVERIFY(w.openIncident(id));

        w.findChild<QAction *>(QStringLiteral("statusAction_resolved"))->trigger();
        ResolveDialog *dialog = f.dialog<ResolveDialog>();
        QVERIFY(dialog);
        QStringList keys;
        for (const ResolveBlocker &b : dialog->blockers())
            keys << b.key;
        QCOMPARE(keys, (QStringList{QStringLiteral("action:%1").arg(*open), QStringLiteral("action:%1").arg(*other),
                                    QStringLiteral("postmortem")}));
        auto *resolve = dialog->findChild<QPushButton *>(QStringLiteral("resolveButton"));
        QVERIFY(!resolve->isEnabled());

        // One action is done from here; the other stays, with a reason; the owner is left.
        dialog->findChild<QPushButton *>(QStringLiteral("resolveSettle_action:%1").arg(*open))->click();
        QTRY_COMPARE(dialog->blockers().size(), 2);
        QCOMPARE(f.store->rollCalls().action(*open)->status, ActionStatus::Done);
        QLineEdit *reason = nullptr;
        QTRY_VERIFY((reason = dialog->findChild<QLineEdit *>(QStringLiteral("resolveReason_action:%1").arg(*other))) !=
                    nullptr);
        QTest::keyClicks(reason, QStringLiteral("the DBA joins the postmortem"));
        QVERIFY(!resolve->isEnabled());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("resolveReason_postmortem")),
                         QStringLiteral("named tomorrow"));
        QVERIFY(resolve->isEnabled());
        resolve->click();
        QCOMPARE(f.store->incidents().incident(id)->status, IncidentStatus::Resolved);

        TimelinePage page{id};
        page.limit = 200;
        QStringList texts;
        for (const TimelineEntry &e : *f.store->timeline().entries(page))
            texts << e.text;
        QCOMPARE(texts.filter(QStringLiteral("Resolving with this left as it is")).size(), 2);
        QVERIFY(texts.filter(QStringLiteral("Resolving with this left as it is"))
                    .join(QString())
                    .contains(QStringLiteral("the DBA joins the postmortem")));
        QCOMPARE(texts.filter(QStringLiteral("Timers stopped on resolve")).size(), 1);
        QCOMPARE(texts.filter(QStringLiteral("Roll call 1 closed")).size(), 1);
        QVERIFY(f.store->timers().live()->isEmpty());
        QVERIFY(!f.store->rollCalls().rounds(id)->constFirst().isOpen());
    }

    // Leaving Resolved asks why; the reason goes on the timeline. Cancelled: nothing changes.
    void reopeningAsksForTheReason()
    {
        test::UiFixture f;
        const qint64 id = f.declare(QStringLiteral("Search slow"));
        QVERIFY(f.store->resolution()
                    .resolve(id, {{QStringLiteral("postmortem"), QStringLiteral("none")}}, QStringLiteral("ana"))
                    .ok());
        MainWindow &w = f.makeWindow();
        QVERIFY(w.openIncident(id));
        w.findChild<QAction *>(QStringLiteral("statusAction_monitoring"))->trigger();
        auto *ask = w.findChild<QInputDialog *>(QStringLiteral("reopenDialog"));
        QVERIFY(ask);
        QCOMPARE(f.store->incidents().incident(id)->status, IncidentStatus::Resolved);
        ask->reject();
        QCOMPARE(f.store->incidents().incident(id)->status, IncidentStatus::Resolved);

        w.findChild<QAction *>(QStringLiteral("statusAction_monitoring"))->trigger();
        QTRY_VERIFY((ask = w.findChild<QInputDialog *>(QStringLiteral("reopenDialog"))) != nullptr && ask->isVisible());
        ask->setTextValue(QStringLiteral("errors are back"));
        ask->accept();
        QCOMPARE(f.store->incidents().incident(id)->status, IncidentStatus::Monitoring);
        TimelinePage page{id};
        QVERIFY(f.store->timeline().entries(page)->constFirst().text.endsWith(QStringLiteral("— errors are back")));
    }
};

QTEST_MAIN(TstResolveUi)
#include "tst_resolveui.moc"
