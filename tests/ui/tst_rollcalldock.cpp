// The roll call and the actions in the window: a full round driven from the keyboard, undo, a
// missed item surviving a restart of the window and the store, the actions dock's keys and the
// decision dialog, and the "done when" scenario: five SMEs, three rounds, the missed list right
// after each, CAN needs become actions, and the timeline tells the story.

#include "dialogs/decisiondialog.h"
#include "dialogs/statusreportdialog.h"
#include "docks/actionsdock.h"
#include "docks/callscriptdock.h"
#include "docks/rollcalldock.h"
#include "docks/timersdock.h"
#include "models/actionmodel.h"
#include "models/missedmodel.h"
#include "models/rollcallmodel.h"
#include "rollcallscenario.h"
#include "uifixture.h"
#include "widgets/timeralert.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>

using namespace cp;
using namespace cp::test;

namespace {
constexpr qint64 Minute = 60 * 1000;
}

class TstRollCallDock : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<UiFixture> m_ui;
    RollCallScenario m_scenario;

    RollCallDock *dock() const { return m_ui->window->rollCallDock(); }
    ActionsDock *actions() const { return m_ui->window->actionsDock(); }
    template <typename T> T *find(const char *name) const { return m_ui->window->findChild<T *>(QLatin1String(name)); }

    void openWindow()
    {
        m_ui->makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_ui->window.get()));
        QVERIFY(m_ui->window->openIncident(m_scenario.incidentId));
    }

    QList<RollCallItem> latestRound() const
    {
        auto rounds = m_ui->store->rollCalls().rounds(m_scenario.incidentId);
        return *m_ui->store->rollCalls().roundItems(rounds->last().id);
    }

    // Answers the item being called from the keyboard: condition by its first letters, then Tab
    // through the text, Actions and Needs; Enter records it (Ctrl+Enter also makes the action).
    void answerByKeyboard(const QString &condition, const QString &text, const QString &acts, const QString &needs,
                          bool needsToAction = false)
    {
        auto *combo = find<QComboBox>("conditionCombo");
        QTRY_VERIFY(combo->hasFocus());
        QTest::keyClicks(combo, condition);
        QTest::keyClick(combo, Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        QCOMPARE(focus->objectName(), QStringLiteral("conditionTextEdit"));
        QTest::keyClicks(focus, text);
        QTest::keyClick(focus, Qt::Key_Tab);
        focus = QApplication::focusWidget();
        QCOMPARE(focus->objectName(), QStringLiteral("canActionsEdit"));
        QTest::keyClicks(focus, acts);
        QTest::keyClick(focus, Qt::Key_Tab);
        focus = QApplication::focusWidget();
        QCOMPARE(focus->objectName(), QStringLiteral("canNeedsEdit"));
        QTest::keyClicks(focus, needs);
        QTest::keyClick(focus, Qt::Key_Return, needsToAction ? Qt::ControlModifier : Qt::NoModifier);
    }

    QStringList timeline(EntryKind kind) const
    {
        TimelinePage page{m_scenario.incidentId};
        page.oldestFirst = true;
        page.limit = 10000;
        page.filter.kinds = {kind};
        QStringList texts;
        for (const TimelineEntry &e : *m_ui->store->timeline().entries(page))
            texts << e.text;
        return texts;
    }

    QStringList missedNames() const
    {
        QStringList names;
        MissedModel *model = dock()->missedModel();
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->itemAt(row).label() + QStringLiteral(" (%1)").arg(model->itemAt(row).roundNumber);
        return names;
    }

private slots:
    void init()
    {
        m_ui = std::make_unique<UiFixture>();
        QVERIFY(m_ui->openError.ok());
        m_scenario = RollCallScenario();
        const QString problem = m_scenario.setUp(*m_ui->store);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        openWindow();
    }

    void cleanup() { m_ui.reset(); }

    void docksAreInTheViewMenuWithTheirMenuAndShortcuts()
    {
        QVERIFY(dock());
        QVERIFY(actions());
        QCOMPARE(dock()->objectName(), QStringLiteral("rollCallDock"));
        QCOMPARE(actions()->objectName(), QStringLiteral("actionsDock"));
        auto *view = m_ui->window->menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
        QVERIFY(view->actions().contains(dock()->toggleViewAction()));
        QVERIFY(view->actions().contains(actions()->toggleViewAction()));
        auto *menu = m_ui->window->menuBar()->findChild<QMenu *>(QStringLiteral("rollCallMenu"));
        QVERIFY(menu);
        QVERIFY(menu->actions().contains(dock()->startRoundAction()));
        QCOMPARE(dock()->startRoundAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
        QVERIFY(menu->actions().contains(actions()->decisionAction()));
        // The window-wide shortcuts of the roll call are nobody else's.
        QList<QAction *> mine{dock()->startRoundAction(),
                              dock()->endRoundAction(),
                              dock()->focusAction(),
                              actions()->focusLineAction(),
                              actions()->decisionAction(),
                              m_ui->window->findChild<QAction *>(QStringLiteral("statusReportAction")),
                              m_ui->window->findChild<QAction *>(QStringLiteral("focusCallScriptAction"))};
        for (QAction *action : m_ui->window->findChildren<QAction *>()) {
            if (mine.contains(action) || action->shortcut().isEmpty() ||
                (action->shortcutContext() != Qt::WindowShortcut &&
                 action->shortcutContext() != Qt::ApplicationShortcut))
                continue;
            for (QAction *own : std::as_const(mine)) {
                QVERIFY(own);
                QVERIFY2(
                    !action->shortcuts().contains(own->shortcut()),
                    qPrintable(
                        QStringLiteral("%1 is taken by %2").arg(own->shortcut().toString(), action->objectName())));
            }
        }
    }

    void aFullRoundFromTheKeyboard()
    {
        QTest::keyClick(m_ui->window.get(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(dock()->model()->rowCount(), 7);
        const QList<RollCallItem> items = latestRound();
        QCOMPARE(dock()->currentItemId(), items.at(0).id);
        QVERIFY(find<QLabel>("callingLabel")->text().contains(QStringLiteral("Deputy — Bo Chen")));

        answerByKeyboard(QStringLiteral("h"), QStringLiteral("timers running"), QString(), QString()); // Deputy
        QTRY_COMPARE(dock()->currentItemId(), items.at(1).id);
        answerByKeyboard(QStringLiteral("h"), QString(), QString(), QString()); // Scribe
        answerByKeyboard(QStringLiteral("do"), QStringLiteral("EU card payments fail"), QStringLiteral("reading logs"),
                         QStringLiteral("a DBA"), true); // Dana: Ctrl+Enter makes the action
        answerByKeyboard(QStringLiteral("de"), QStringLiteral("lag 90 s"), QStringLiteral("draining"), QString());
        QTRY_COMPARE(dock()->currentItemId(), items.at(4).id);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5); // Fay: no answer
        QTRY_COMPARE(dock()->currentItemId(), items.at(5).id);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);                                   // Gus: skipped
        answerByKeyboard(QStringLiteral("u"), QStringLiteral("just joined"), QString(), QString()); // Hana
        QTest::keyClick(m_ui->window.get(), Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);

        const QList<RollCallItem> done = latestRound();
        QCOMPARE(done.at(0).report.condition, Condition::Healthy);
        QCOMPARE(done.at(0).report.conditionText, QStringLiteral("timers running"));
        QCOMPARE(done.at(2).report.condition, Condition::Down);
        QCOMPARE(done.at(2).report.needs, QStringLiteral("a DBA"));
        QCOMPARE(done.at(3).report.condition, Condition::Degraded);
        QCOMPARE(done.at(4).state, RollCallItemState::NoAnswer);
        QCOMPARE(done.at(5).state, RollCallItemState::Skipped);
        QCOMPARE(done.at(6).report.condition, Condition::Unknown);
        QVERIFY(!m_ui->store->rollCalls().rounds(m_scenario.incidentId)->last().isOpen());
        QCOMPARE(missedNames(), QStringList{QStringLiteral("SME — Fay Moreau (1)")});
        QVERIFY(find<QLabel>("missedTitle")->text().contains(QStringLiteral("(1)")));
        // The grid shows the condition and the missed row.
        QCOMPARE(dock()->model()->index(2, RollCallModel::ConditionColumn).data(RollCallModel::ConditionKeyRole),
                 QVariant(QStringLiteral("down")));
        QVERIFY(dock()->model()->index(4, 0).data(RollCallModel::MissedRole).toBool());
        // Dana's Needs became an action, selected in the actions dock.
        QCOMPARE(actions()->model()->rowCount(), 1);
        QCOMPARE(actions()->model()->actionAt(0).text, QStringLiteral("a DBA"));
        QCOMPARE(actions()->model()->actionAt(0).originItemId, done.at(2).id);
        QCOMPARE(actions()->currentActionId(), actions()->model()->actionAt(0).id);
        QVERIFY(
            timeline(EntryKind::RollCall).last().startsWith(QStringLiteral("Roll call 1 closed — 5 of 6 reported.")));
    }

    void undoTakesAnAnswerBack()
    {
        QVERIFY(dock()->startRound());
        const qint64 first = dock()->currentItemId();
        answerByKeyboard(QStringLiteral("de"), QStringLiteral("slow"), QString(), QString());
        QTRY_COMPARE(m_ui->store->rollCalls().item(first)->state, RollCallItemState::Answered);
        QUndoStack *stack = m_ui->window->undoStack();
        QVERIFY(stack->canUndo());
        stack->undo();
        QCOMPARE(m_ui->store->rollCalls().item(first)->state, RollCallItemState::Pending);
        stack->redo();
        QCOMPARE(m_ui->store->rollCalls().item(first)->report.conditionText, QStringLiteral("slow"));
        // A "no answer" undone is off the missed list again.
        dock()->selectItem(first);
        QVERIFY(dock()->markCurrent(RollCallItemState::Skipped));
        stack->undo();
        QCOMPARE(m_ui->store->rollCalls().item(first)->state, RollCallItemState::Answered);
        dock()->selectItem(latestRound().at(1).id);
        QVERIFY(dock()->markCurrent(RollCallItemState::NoAnswer));
        QCOMPARE(dock()->missedModel()->rowCount(), 1);
        stack->undo();
        QCOMPARE(dock()->missedModel()->rowCount(), 0);
    }

    void aMissedItemSurvivesARestart()
    {
        QVERIFY(dock()->startRound());
        dock()->selectItem(latestRound().at(3).id); // Eli
        QVERIFY(dock()->markCurrent(RollCallItemState::NoAnswer));
        m_ui->clock.advance(9 * Minute);
        QVERIFY(m_ui->reopen().ok());
        openWindow();
        QCOMPARE(dock()->missedModel()->rowCount(), 1);
        QCOMPARE(dock()->missedModel()->itemAt(0).personName, QStringLiteral("Eli Brandt"));
        QCOMPARE(dock()->missedModel()->index(0, MissedModel::AskedColumn).data().toString(),
                 QStringLiteral("9 min ago"));
        QCOMPARE(dock()->model()->countInState(RollCallItemState::NoAnswer), 1);
        // Answering it late (Enter on the missed list) clears it.
        dock()->missedView()->setFocus();
        dock()->missedView()->setCurrentIndex(dock()->missedModel()->index(0, 0));
        QTest::keyClick(dock()->missedView(), Qt::Key_Return);
        QTRY_VERIFY(find<QComboBox>("conditionCombo")->hasFocus());
        QVERIFY(find<QLabel>("callingLabel")->text().contains(QStringLiteral("Eli Brandt")));
        answerByKeyboard(QStringLiteral("h"), QStringLiteral("back"), QString(), QString());
        QTRY_COMPARE(dock()->missedModel()->rowCount(), 0);
    }

    // A miss recorded while the user looks at another window (the Deputy marking it in the CLI,
    // or a round closing) calls them: the taskbar entry and a desktop notification naming who.
    void aMissWhileLookingAwayCallsTheUser()
    {
        QSignalSpy called(m_ui->window->timersDock()->alert(), &TimerAlert::attentionCalled);
        QVERIFY(dock()->startRound());
        dock()->selectItem(latestRound().at(0).id);
        QVERIFY(dock()->markCurrent(RollCallItemState::NoAnswer)); // at the window: nobody is called
        QCOMPARE(dock()->missedModel()->rowCount(), 1);
        QCOMPARE(called.count(), 0);

        QWidget elsewhere;
        elsewhere.show();
        elsewhere.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&elsewhere));
        QTRY_VERIFY(!m_ui->window->isActiveWindow());
        const RollCallItem eli = latestRound().at(3);
        QVERIFY(m_ui->store->rollCalls().mark(eli.id, RollCallItemState::NoAnswer, QStringLiteral("bo")).ok());
        QTRY_COMPARE(dock()->missedModel()->rowCount(), 2);
        QCOMPARE(called.count(), 1);
        QVERIFY2(called.at(0).at(0).toString().contains(eli.label()), qPrintable(called.at(0).at(0).toString()));
    }

    void refusalsShowInTheDockAndChangeNothing()
    {
        const int before = timeline(EntryKind::RollCall).size();
        QVERIFY(!dock()->endRound());
        QVERIFY(find<QLabel>("rollCallFeedback")->text().contains(QStringLiteral("no open round")));
        QVERIFY(!dock()->recordAnswer());
        QVERIFY(!dock()->dismissMissed());
        QCOMPARE(timeline(EntryKind::RollCall).size(), before);
        // Ctrl+Enter without Needs: refused, nothing saved.
        QVERIFY(dock()->startRound());
        const qint64 first = dock()->currentItemId();
        QVERIFY(!dock()->recordAnswer(true));
        QVERIFY(find<QLabel>("rollCallFeedback")->text().contains(QStringLiteral("Needs")));
        QCOMPARE(m_ui->store->rollCalls().item(first)->state, RollCallItemState::Pending);
    }

    void actionsDockKeysAndTheDecisionDialog()
    {
        auto *line = actions()->actionLine();
        QTest::keyClick(m_ui->window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(line->hasFocus());
        QTest::keyClicks(line, QStringLiteral("Roll back checkout @sme @dana"));
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_COMPARE(actions()->model()->rowCount(), 1);
        const IncidentAction a = actions()->model()->actionAt(0);
        QCOMPARE(a.text, QStringLiteral("Roll back checkout"));
        QCOMPARE(a.ownerName, QStringLiteral("SME (Dana Reyes)"));
        QCOMPARE(a.status, ActionStatus::Assigned);
        // An unknown owner: refused, the text stays.
        QTest::keyClicks(line, QStringLiteral("Page networking @nobodyhere"));
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(actions()->model()->rowCount(), 1);
        QCOMPARE(line->text(), QStringLiteral("Page networking @nobodyhere"));

        QTreeView *view = actions()->view();
        view->setFocus();
        actions()->selectAction(a.id);
        QTest::keyClick(view, Qt::Key_I);
        QCOMPARE(m_ui->store->rollCalls().action(a.id)->status, ActionStatus::InProgress);
        QTest::keyClick(view, Qt::Key_F);
        QVERIFY(m_ui->store->rollCalls().action(a.id)->followUp);
        QTest::keyClick(view, Qt::Key_D);
        QCOMPARE(m_ui->store->rollCalls().action(a.id)->status, ActionStatus::Done);
        m_ui->window->undoStack()->undo();
        QCOMPARE(m_ui->store->rollCalls().action(a.id)->status, ActionStatus::InProgress);

        QTest::keyClick(m_ui->window.get(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        DecisionDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_ui->dialog<DecisionDialog>()) != nullptr);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("decidedByEdit"))->text(), QStringLiteral("Ana Lima"));
        // Objections raised but not said: refused in the dialog, which stays open.
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("proposalEdit"))->setPlainText(QStringLiteral("Fail over"));
        dialog->findChild<QRadioButton *>(QStringLiteral("objectionsRaised"))->setChecked(true);
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("decisionError"))->text().contains(QStringLiteral("say")));
        dialog->findChild<QLineEdit *>(QStringLiteral("objectionsEdit"))->setText(QStringLiteral("Dana: replica lag"));
        dialog->accept();
        QTRY_COMPARE(actions()->decisionModel()->rowCount(), 1);
        QCOMPARE(actions()->decisionModel()->decisionAt(0).objections, QStringLiteral("Dana: replica lag"));
        QVERIFY(timeline(EntryKind::Decision).last().contains(QStringLiteral("objections: Dana: replica lag")));
    }

    void statusReportComposerLogsCopiesAndRestartsTheCadence()
    {
        QVERIFY(m_ui->store->timers().startDefaults(m_scenario.incidentId, Severity::Sev1, QStringLiteral("ana")).ok());
        Timer cadence, external;
        for (const Timer &t : *m_ui->store->timers().list(m_scenario.incidentId)) {
            if (t.defaultKey == QLatin1String("internal-update"))
                cadence = t;
            if (t.defaultKey == QLatin1String("external-update"))
                external = t;
        }
        QVERIFY(cadence.id > 0 && external.id > 0);
        m_ui->clock.advance(25 * Minute);
        QTest::keyClick(m_ui->window.get(), Qt::Key_U, Qt::ControlModifier);
        StatusReportDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_ui->dialog<StatusReportDialog>()) != nullptr);
        const QString draft = dialog->editor()->toPlainText();
        QVERIFY2(draft.startsWith(QStringLiteral("Status update — SEV-1, investigating")), qPrintable(draft));
        // The report answers the update due first (the external one, overdue since T+5) unless the
        // IC ticks the other too.
        auto *internalBox = dialog->findChild<QCheckBox *>(QStringLiteral("restartCadence_%1").arg(cadence.id));
        auto *externalBox = dialog->findChild<QCheckBox *>(QStringLiteral("restartCadence_%1").arg(external.id));
        QVERIFY(internalBox && externalBox);
        QVERIFY(internalBox->text().contains(cadence.label));
        QVERIFY(externalBox->isChecked());
        QVERIFY(!internalBox->isChecked());
        QCOMPARE(dialog->cadencesToRestart(), QList<qint64>{external.id});
        internalBox->setChecked(true);
        dialog->editor()->appendPlainText(QStringLiteral("Edited by hand."));
        QVERIFY(dialog->logAndCopy());
        QCOMPARE(m_ui->store->timers().timer(external.id)->deadlineAt,
                 m_ui->clock.nowUtc().addMSecs(external.durationMs));
        const QStringList status = timeline(EntryKind::Status);
        QCOMPARE(status.size(), 1);
        QVERIFY(status.first().endsWith(QStringLiteral("Edited by hand.")));
        QCOMPARE(QGuiApplication::clipboard()->text(), status.first());
        // The cadence starts over: the next update is a full period from now.
        QCOMPARE(m_ui->store->timers().timer(cadence.id)->deadlineAt,
                 m_ui->clock.nowUtc().addMSecs(cadence.durationMs));
        m_ui->window->undoStack()->undo(); // the logged report is retracted
        TimelinePage page{m_scenario.incidentId};
        page.filter.kinds = {EntryKind::Status};
        QVERIFY(m_ui->store->timeline().entries(page)->first().retracted);
    }

    void callScriptCardsFollowTheIncident()
    {
        CallScriptDock *cards = m_ui->window->callScriptDock();
        QVERIFY(cards);
        QVERIFY(cards->isFollowing());
        QCOMPARE(cards->currentCard(), CallScriptCard::StartOfCall);
        QVERIFY(
            cards->cardText().contains(QStringLiteral("This is Ana Lima. I am the Incident Commander for this call.")));
        QVERIFY(dock()->startRound());
        QCOMPARE(cards->currentCard(), CallScriptCard::RollCall);
        QVERIFY(cards->cardText().contains(QStringLiteral("Still to call: Deputy — Bo Chen")));
        QVERIFY(dock()->markCurrent(RollCallItemState::NoAnswer));
        QVERIFY(
            cards->cardText().contains(QStringLiteral("No answer so far (the Deputy follows up): Deputy — Bo Chen.")));
        // Chosen by hand: following stops until switched on again.
        cards->showCard(CallScriptCard::ExecutiveSwoop);
        QVERIFY(!cards->isFollowing());
        QVERIFY(cards->cardText().contains(QStringLiteral("do you wish to take over command?")));
        QVERIFY(dock()->endRound());
        QCOMPARE(cards->currentCard(), CallScriptCard::ExecutiveSwoop);
        cards->setFollowing(true);
        QCOMPARE(cards->currentCard(), CallScriptCard::StatusUpdate);
    }

    // Done when: five SMEs, three rounds, the missed list right, CAN needs become actions, the
    // timeline tells the story.
    void fiveSmesThreeRounds()
    {
        auto select = [this](const QString &scope) {
            auto *combo = find<QComboBox>("rollCallScopeCombo");
            combo->setCurrentIndex(combo->findData(scope));
            QVERIFY(combo->currentIndex() >= 0);
        };
        auto call = [this](const QString &handle) {
            for (const RollCallItem &i : latestRound()) {
                if (i.personId == m_scenario.people.value(handle))
                    dock()->selectItem(i.id);
            }
            QTRY_VERIFY(find<QComboBox>("conditionCombo")->isEnabled());
            find<QComboBox>("conditionCombo")->setFocus();
        };

        // Round 1: the SMEs. Dana needs a DBA (an action); Fay and Hana do not answer.
        select(QStringLiteral("role:sme"));
        QVERIFY(dock()->startRound());
        QCOMPARE(dock()->model()->rowCount(), 5);
        call(QStringLiteral("dana"));
        answerByKeyboard(QStringLiteral("do"), QStringLiteral("card payments fail"), QStringLiteral("diffing 4.13"),
                         QStringLiteral("a DBA"), true);
        call(QStringLiteral("eli"));
        answerByKeyboard(QStringLiteral("de"), QStringLiteral("lag 90 s"), QString(), QString());
        call(QStringLiteral("fay"));
        QVERIFY(dock()->markCurrent(RollCallItemState::NoAnswer));
        call(QStringLiteral("gus"));
        answerByKeyboard(QStringLiteral("h"), QString(), QString(), QString());
        m_ui->clock.advance(10 * Minute);
        QVERIFY(dock()->endRound()); // Hana, never called, is missed too
        // Longest waiting first; Fay was called (and missed) at the round's start, Hana never.
        QCOMPARE(missedNames(),
                 (QStringList{QStringLiteral("SME — Fay Moreau (1)"), QStringLiteral("SME — Hana Ito (1)")}));

        // Round 2: Fay answers (her round-1 miss clears); Gus is missed; Hana still is.
        QVERIFY(dock()->startRound());
        QCOMPARE(dock()->model()->round().number, 2);
        call(QStringLiteral("dana"));
        answerByKeyboard(QStringLiteral("de"), QStringLiteral("rollback 60%"), QStringLiteral("rolling back"),
                         QStringLiteral("status page post"), true);
        call(QStringLiteral("eli"));
        answerByKeyboard(QStringLiteral("h"), QString(), QString(), QString());
        call(QStringLiteral("fay"));
        answerByKeyboard(QStringLiteral("h"), QStringLiteral("fraud checks fine"), QString(), QString());
        call(QStringLiteral("gus"));
        QVERIFY(dock()->markCurrent(RollCallItemState::NoAnswer));
        m_ui->clock.advance(10 * Minute);
        QVERIFY(dock()->endRound());
        // Hana once, with her two misses; she has waited longest.
        QCOMPARE(missedNames(),
                 (QStringList{QStringLiteral("SME — Hana Ito (2)"), QStringLiteral("SME — Gus Varga (2)")}));
        QCOMPARE(dock()->missedModel()->index(0, MissedModel::WhoColumn).data().toString(),
                 QStringLiteral("SME — Hana Ito — missed 2 times"));
        QCOMPARE(dock()->missedModel()->index(0, MissedModel::RoundColumn).data().toString(),
                 QStringLiteral("Rounds 1, 2"));
        QCOMPARE(dock()->missedModel()->index(0, 0).data(MissedModel::MissCountRole).toInt(), 2);

        // Round 3: Hana answers at last (both her misses clear); Gus's is dismissed by the Deputy.
        QVERIFY(dock()->startRound());
        call(QStringLiteral("hana"));
        answerByKeyboard(QStringLiteral("u"), QStringLiteral("was on another bridge"), QString(),
                         QStringLiteral("payments logs access"), true);
        for (const QString &h : {QStringLiteral("dana"), QStringLiteral("eli"), QStringLiteral("fay")}) {
            call(h);
            answerByKeyboard(QStringLiteral("h"), QString(), QString(), QString());
        }
        QCOMPARE(missedNames(), QStringList{QStringLiteral("SME — Gus Varga (2)")});
        dock()->missedView()->setCurrentIndex(dock()->missedModel()->index(0, 0));
        QVERIFY(dock()->dismissMissed());
        QVERIFY(dock()->endRound()); // Gus, not called in round 3, is missed once more
        QCOMPARE(missedNames(), QStringList{QStringLiteral("SME — Gus Varga (3)")});

        // The Needs became three actions, in order.
        QStringList actionTexts;
        for (int row = 0; row < actions()->model()->rowCount(); ++row)
            actionTexts << actions()->model()->actionAt(row).text;
        QCOMPARE(actionTexts, (QStringList{QStringLiteral("a DBA"), QStringLiteral("status page post"),
                                           QStringLiteral("payments logs access")}));

        // The timeline tells the story: three rounds started and closed, who was missed.
        const QStringList story = timeline(EntryKind::RollCall);
        QCOMPARE(story.filter(QStringLiteral(" started — ")).size(), 3);
        const QStringList closed = story.filter(QStringLiteral(" closed — "));
        QCOMPARE(closed.size(), 3);
        QVERIFY2(closed.at(0).startsWith(QStringLiteral("Roll call 1 closed — 3 of 5 reported.")),
                 qPrintable(closed.at(0)));
        QVERIFY(closed.at(0).contains(QStringLiteral("Missed: SME — Fay Moreau, SME — Hana Ito.")));
        QVERIFY(closed.at(1).contains(QStringLiteral("Missed: SME — Gus Varga, SME — Hana Ito.")));
        QVERIFY(closed.at(2).startsWith(QStringLiteral("Roll call 3 closed — 4 of 5 reported.")));
        QVERIFY(story.contains(
            QStringLiteral("CAN — SME — Hana Ito (roll call 3): unknown — was on another bridge · N: payments logs "
                           "access — off the missed list (2 earlier call(s) unanswered)")));
        QVERIFY(story.filter(QStringLiteral("Dismissed from the missed list: SME — Gus Varga (roll call 2")).size() ==
                1);
        QCOMPARE(timeline(EntryKind::Action).filter(QStringLiteral("(from the Needs of")).size(), 3);
    }
};

QTEST_MAIN(TstRollCallDock)
#include "tst_rollcalldock.moc"
