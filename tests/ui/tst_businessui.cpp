// Business incident mode in the window: the Communications and Business response docks, the
// Incident menu's Declare business incident… and Return to normal, keyboard ticks with undo, the
// approval chain from the dock, departments told — a business incident to all clear.
#include "approvalchain.h"
#include "docks/businessdock.h"
#include "docks/commsdock.h"
#include "models/audiencephasemodel.h"
#include "models/emergencyopsmodel.h"
#include "models/messagemodel.h"
#include "models/stakeholdermodel.h"
#include "uifixture.h"
#include "widgets/actingforbox.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
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
    QVERIFY(test::inDock<QLabel>(w, QStringLiteral("commsDock"), QStringLiteral("commsStateLabel"))
                ->text()
                .contains(QStringLiteral("Not a business")));
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
    QCOMPARE(test::staffApprovalChain(*f.store, id, test::defaultChainHolders()), QString()); // ana is the IC
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
    QCOMPARE(f.store->business().message(*drafted)->steps.constFirst().by, QStringLiteral("sam")); // the TSLT's
    auto *approve = w.findChild<QPushButton *>(QStringLiteral("approveStepButton"));
    QVERIFY(approve->isEnabled());
    QVERIFY(approve->text().contains(QStringLiteral("Legal review")));
    // "Acting for" offers the step's role holder and the IC's override; ana holds neither role, so
    // nobody is chosen and Approve alone passes nothing.
    QComboBox *actingFor = comms->actingFor()->combo();
    QVERIFY(actingFor->isVisibleTo(comms));
    QCOMPARE(actingFor->count(), 3);
    QCOMPARE(actingFor->itemText(0), QStringLiteral("Choose the Legal Officer…"));
    QCOMPARE(actingFor->itemText(1), QStringLiteral("lee (Legal Officer)"));
    QCOMPARE(actingFor->itemText(2), QStringLiteral("IC override: ana"));
    approve->click();
    auto *errorLabel = comms->findChild<QLabel *>(QStringLiteral("commsError"));
    QVERIFY(errorLabel->isVisibleTo(comms));
    QVERIFY2(errorLabel->text().contains(QStringLiteral("ana does not hold the Legal Officer role (held by lee)")),
             qPrintable(errorLabel->text()));
    QCOMPARE(f.store->business().message(*drafted)->waitingFor, MessageStep::LegalReview);
    // The IC's override needs its reason.
    actingFor->setCurrentIndex(2);
    QVERIFY(comms->actingFor()->reasonEdit()->isVisibleTo(comms));
    QVERIFY(comms->approveCurrent().message().contains(QStringLiteral("Say why")));
    actingFor->setCurrentIndex(1);
    QVERIFY(!comms->actingFor()->reasonEdit()->isVisibleTo(comms));
    approve->click();
    QVERIFY(!errorLabel->isVisibleTo(comms));
    QCOMPARE(f.store->business().message(*drafted)->steps.at(1).by, QStringLiteral("lee"));
    // The next step starts with nobody chosen again.
    QCOMPARE(actingFor->itemText(actingFor->currentIndex()), QStringLiteral("Choose the Messaging Officer…"));
    actingFor->setCurrentIndex(1);
    QVERIFY(comms->requestChangesCurrent(QStringLiteral("say 'some customers'")).ok());
    QVERIFY(!approve->isEnabled()); // a revised draft is due first
    QVERIFY(!comms->approveCurrent().ok());
    // The revision is the Technical SLT's: the only one is chosen, and no override is offered.
    QCOMPARE(actingFor->currentText(), QStringLiteral("sam (Technical SLT)"));
    QCOMPARE(actingFor->count(), 1);
    QVERIFY(comms->reviseCurrent(QStringLiteral("Some customers cannot log in.")).ok());
    for (int step = 0; step < 5; ++step) {
        const Message m = *f.store->business().message(*drafted);
        if (m.waitingFor == MessageStep::EltApproval) {
            actingFor->setCurrentIndex(actingFor->findText(QStringLiteral("IC override: ana")));
            QTest::keyClicks(comms->actingFor()->reasonEdit(), QStringLiteral("the ELT Approver is on a plane"));
        } else if (m.waitingFor == MessageStep::IcAuthorisation) {
            QCOMPARE(actingFor->currentText(), QStringLiteral("ana (Incident Commander, you)"));
        } else {
            actingFor->setCurrentIndex(1);
        }
        const StoreError error = comms->approveCurrent();
        QVERIFY2(error.ok(), qPrintable(error.message()));
    }
    QStringList by;
    const Message sent = *f.store->business().message(*drafted);
    for (const MessageStepRecord &s : sent.steps)
        by << s.by;
    QCOMPARE(by, (QStringList{QStringLiteral("sam"), QStringLiteral("lee"), QStringLiteral("mia"),
                              QStringLiteral("sam"), QStringLiteral("lee"), QStringLiteral("mia"),
                              QStringLiteral("ana"), QStringLiteral("ana"), QStringLiteral("mo")}));
    QCOMPARE(sent.steps.at(6).comment, QStringLiteral("IC override: the ELT Approver is on a plane"));
    QVERIFY(!actingFor->isVisibleTo(comms)); // sent: no step left
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
