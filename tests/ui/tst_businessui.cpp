// Business incident mode in the window: the Communications and Business response docks, the
// Incident menu's Declare business incident… and Return to normal, keyboard ticks with undo, the
// approval chain from the dock, departments told — a business incident to all clear.
#include "docks/businessdock.h"
#include "docks/commsdock.h"
#include "models/audiencephasemodel.h"
#include "models/emergencyopsmodel.h"
#include "models/messagemodel.h"
#include "models/stakeholdermodel.h"
#include "uifixture.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>

using namespace cp;

class TstBusinessUi : public QObject
{
    Q_OBJECT

private slots:
    void docksAndMenus();
    void businessIncidentToAllClear();
};

void TstBusinessUi::docksAndMenus()
{
    test::UiFixture f;
    QVERIFY(f.openError.ok());
    MainWindow &w = f.makeWindow();
    auto *comms = w.findChild<CommsDock *>(QStringLiteral("commsDock"));
    auto *business = w.findChild<BusinessDock *>(QStringLiteral("businessDock"));
    QVERIFY(comms);
    QVERIFY(business);
    auto *view = w.findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(view);
    QVERIFY(view->actions().contains(comms->toggleViewAction()));
    QVERIFY(view->actions().contains(business->toggleViewAction()));
    auto *incident = w.findChild<QMenu *>(QStringLiteral("incidentMenu"));
    QVERIFY(incident->actions().contains(business->declareAction()));
    QVERIFY(incident->actions().contains(business->normalAction()));
    QVERIFY(!business->declareAction()->isEnabled()); // no incident yet
    const qint64 id = f.declare(QStringLiteral("Logins failing"), Severity::Sev1);
    QVERIFY(w.openIncident(id));
    QVERIFY(business->declareAction()->isEnabled());
    QVERIFY(!business->normalAction()->isEnabled());
    QVERIFY(
        w.findChild<QLabel *>(QStringLiteral("commsStateLabel"))->text().contains(QStringLiteral("Not a business")));
}

void TstBusinessUi::businessIncidentToAllClear()
{
    test::UiFixture f;
    QVERIFY(f.openError.ok());
    for (const auto &[key, name] :
         QList<std::pair<QString, QString>>{{QStringLiteral("engineering"), QStringLiteral("Engineering")},
                                            {QStringLiteral("finance"), QStringLiteral("Finance")}}) {
        Department d;
        d.key = key;
        d.name = name;
        QVERIFY(f.store->roster().saveDepartment(d));
    }
    const qint64 id = f.declare(QStringLiteral("Logins failing"), Severity::Sev1);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    auto *comms = w.commsDock();
    auto *business = w.businessDock();
    QUndoStack *undo = w.undoStack();
    QVERIFY(undo);

    // Declare through the Incident menu's dialog, with media as an audience.
    business->declareAction()->trigger();
    auto *dialog = w.findChild<QDialog *>(QStringLiteral("declareBusinessDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->findChild<QCheckBox *>(QStringLiteral("audience-media"))->setChecked(true);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    auto mode = f.store->business().mode(id);
    QVERIFY(mode && mode->has_value());
    QCOMPARE((*mode)->audiences.size(), 4);
    QVERIFY(!business->declareAction()->isEnabled());
    QVERIFY(business->normalAction()->isEnabled());
    QCOMPARE(comms->gridModel()->rowCount(), 4);

    // Every campaign halted from the keyboard; one halt undone and redone.
    QTableView *ops = business->emergencyView();
    QCOMPARE(ops->model()->rowCount(), 6);
    ops->setFocus();
    for (int row = 0; row < 6; ++row) {
        ops->setCurrentIndex(ops->model()->index(row, 0));
        QTest::keyClick(ops, Qt::Key_Space);
    }
    for (int row = 0; row < 6; ++row)
        QCOMPARE(ops->model()->index(row, 0).data(EmergencyOpsModel::StatusKeyRole).toString(),
                 QStringLiteral("halted"));
    undo->undo();
    QCOMPARE(ops->model()->index(5, 0).data(EmergencyOpsModel::StatusKeyRole).toString(), QStringLiteral("running"));
    undo->redo();
    QCOMPARE(ops->model()->index(5, 0).data(EmergencyOpsModel::StatusKeyRole).toString(), QStringLiteral("halted"));

    // The briefing.
    business->briefingField(QStringLiteral("affected-now"))->setText(QStringLiteral("about 40% of logins"));
    QVERIFY(business->saveBriefing().ok());
    QCOMPARE(f.store->business().briefingAnswers(id)->size(), 1);

    // One customer email through the chain with one round of changes.
    auto drafted = comms->draft(QStringLiteral("customers"), QString(), QStringLiteral("email"),
                                QStringLiteral("We are investigating failed logins."));
    QVERIFY(drafted);
    QCOMPARE(comms->currentMessageId(), *drafted);
    auto *approve = w.findChild<QPushButton *>(QStringLiteral("approveStepButton"));
    QVERIFY(approve->isEnabled());
    QVERIFY(approve->text().contains(QStringLiteral("Legal review")));
    approve->click();
    QVERIFY(comms->requestChangesCurrent(QStringLiteral("say 'some customers'")).ok());
    QVERIFY(!approve->isEnabled()); // a revised draft is due first
    QVERIFY(!comms->approveCurrent().ok());
    QVERIFY(comms->reviseCurrent(QStringLiteral("Some customers cannot log in.")).ok());
    for (int step = 0; step < 5; ++step) {
        const StoreError error = comms->approveCurrent();
        QVERIFY2(error.ok(), qPrintable(error.message()));
    }
    const int row = comms->messageModel()->rowOf(*drafted);
    QCOMPARE(comms->messageModel()->index(row, MessageModel::StepColumn).data().toString(), QStringLiteral("Sent"));
    QCOMPARE(comms->gridModel()->cellState(QStringLiteral("customers"), QStringLiteral("investigation")),
             QStringLiteral("sent"));
    // A skipped cell, undone.
    QVERIFY(
        comms->skipCell(QStringLiteral("media"), QStringLiteral("investigation"), QStringLiteral("no press yet")).ok());
    QCOMPARE(comms->gridModel()->cellState(QStringLiteral("media"), QStringLiteral("investigation")),
             QStringLiteral("skipped"));
    undo->undo();
    QCOMPARE(comms->gridModel()->cellState(QStringLiteral("media"), QStringLiteral("investigation")),
             QStringLiteral("due"));

    // Departments told from the keyboard (both must be told for a SEV-1); one undone and redone.
    QTableView *depts = business->stakeholderView();
    QCOMPARE(business->stakeholderModel()->requiredCount(), 2);
    depts->setFocus();
    for (int r = 0; r < 2; ++r) {
        depts->setCurrentIndex(depts->model()->index(r, 0));
        QTest::keyClick(depts, Qt::Key_Space);
    }
    QCOMPARE(business->stakeholderModel()->requiredToldCount(), 2);
    undo->undo();
    QCOMPARE(business->stakeholderModel()->requiredToldCount(), 1);
    undo->redo();
    QCOMPARE(business->stakeholderModel()->requiredToldCount(), 2);

    // Monitoring, back to normal: the list turns round and each activity is restarted (before the
    // incident resolves: a resolved incident's record is closed).
    QVERIFY(f.store->incidents().setStatus(id, IncidentStatus::Monitoring, QStringLiteral("ana")).ok());
    QCOMPARE(comms->gridModel()->currentPhase(), QStringLiteral("monitoring"));
    business->normalAction()->trigger();
    QCOMPARE(business->emergencyModel()->state(), BusinessState::Restoring);
    ops->setFocus();
    for (int r = 0; r < 6; ++r) {
        ops->setCurrentIndex(ops->model()->index(r, 0));
        QTest::keyClick(ops, Qt::Key_Space);
    }
    QCOMPARE(business->emergencyModel()->state(), BusinessState::Normal);
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("businessModeLabel"))->text().contains(QStringLiteral("all clear")));
    QVERIFY((*f.store->business().mode(id))->analysisTimerId > 0);
}

QTEST_MAIN(TstBusinessUi)
#include "tst_businessui.moc"
