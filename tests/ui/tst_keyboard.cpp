// The keyboard, without the mouse: no two shortcuts of the window share a key, multi-line
// dialogs commit with Ctrl+Enter, completers accept with one Enter, the decision's objections
// check is a choice in the Tab order.

#include "dialogs/amendentrydialog.h"
#include "dialogs/assignroledialog.h"
#include "dialogs/decisiondialog.h"
#include "docks/actionsdock.h"
#include "docks/rolechartdock.h"
#include "docks/timelinedock.h"
#include "rollcallscenario.h"
#include "uifixture.h"
#include "widgets/quickentryedit.h"
#include "workspaces/workspace.h"
#include "workspaces/workspaceswitcher.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTreeView>
#include <QUndoStack>

using namespace cp;
using namespace cp::test;

class TstKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void noTwoShortcutsShareAKey();
    void ctrlEnterCommitsAMultiLineDialog();
    void aCompletionIsAcceptedWithOneEnter();
    void objectionsCheckIsAChoiceInTheTabOrder();
    void destructiveChordsAskOrShowTheirUndo();
    void anActionLineIsOfferedAsATrackedAction();
    void workspaceKeysSwitchFromAnywhere();
};

void TstKeyboard::noTwoShortcutsShareAKey()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(f.declare(QStringLiteral("Keys"))));

    // Each key with everything bound to it and where it is active: window-wide, or within a widget.
    struct Binding
    {
        QString name;
        QWidget *scope; // null: the whole window
        bool withChildren;
    };
    QHash<QString, QList<Binding>> byKey;
    const auto scopeOf = [](Qt::ShortcutContext context, QWidget *widget) -> QWidget * {
        return context == Qt::WindowShortcut || context == Qt::ApplicationShortcut ? nullptr : widget;
    };
    for (QAction *action : w.findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            QWidget *owner = qobject_cast<QWidget *>(action->parent());
            byKey[key.toString()] << Binding{action->objectName().isEmpty() ? action->text() : action->objectName(),
                                             scopeOf(action->shortcutContext(), owner),
                                             action->shortcutContext() == Qt::WidgetWithChildrenShortcut};
        }
    }
    for (QShortcut *shortcut : w.findChildren<QShortcut *>()) {
        for (const QKeySequence &key : shortcut->keys()) {
            byKey[key.toString()] << Binding{shortcut->objectName(),
                                             scopeOf(shortcut->context(), qobject_cast<QWidget *>(shortcut->parent())),
                                             shortcut->context() == Qt::WidgetWithChildrenShortcut};
        }
    }
    const auto overlap = [](const Binding &a, const Binding &b) {
        if (!a.scope || !b.scope)
            return true; // a window-wide key is active wherever the other one is
        if (a.scope == b.scope)
            return true;
        return (a.withChildren && a.scope->isAncestorOf(b.scope)) || (b.withChildren && b.scope->isAncestorOf(a.scope));
    };
    QStringList clashes;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        const QList<Binding> &bindings = it.value();
        for (int i = 0; i < bindings.size(); ++i) {
            for (int j = i + 1; j < bindings.size(); ++j) {
                if (overlap(bindings.at(i), bindings.at(j)))
                    clashes << QStringLiteral("%1: %2 and %3").arg(it.key(), bindings.at(i).name, bindings.at(j).name);
            }
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
    QVERIFY(byKey.size() > 40); // the walk found the docks' keys too
}

void TstKeyboard::ctrlEnterCommitsAMultiLineDialog()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(f.declare(QStringLiteral("Amend by keyboard"))));
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    QTest::keyClicks(line, QStringLiteral("restarting the consumers"));
    QTest::keyClick(line, Qt::Key_Return);
    TimelineDock *dock = w.timelineDock();
    dock->focusTimelineAction()->trigger();
    dock->amendAction()->trigger(); // F2
    AmendEntryDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = f.dialog<AmendEntryDialog>()) != nullptr);
    auto *text = dialog->findChild<QPlainTextEdit *>();
    QVERIFY(text);
    text->setFocus();
    QTest::keyClick(text, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(text, QStringLiteral(" on the second cluster"));
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(dock->currentEntry()->text, QStringLiteral("restarting the consumers on the second cluster"));
}

void TstKeyboard::aCompletionIsAcceptedWithOneEnter()
{
    UiFixture f;
    RollCallScenario scenario;
    QVERIFY(scenario.setUp(*f.store).isEmpty());
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(scenario.incidentId));
    w.roleChartDock()->assignAction()->trigger();
    AssignRoleDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = f.dialog<AssignRoleDialog>()) != nullptr);
    dialog->setRole(QStringLiteral("customer-liaison"));
    dialog->personEdit()->setFocus();
    QTest::keyClicks(dialog->personEdit(), QStringLiteral("Moreau"));
    QCompleter *completer = dialog->personEdit()->completer();
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return); // one Enter: the name, and assigned
    QTRY_VERIFY(!dialog->isVisible());
    bool held = false;
    for (const IncidentRole &role : *f.store->roles().list(scenario.incidentId)) {
        if (role.definition.key == QLatin1String("customer-liaison"))
            held = !role.holders.isEmpty() && role.holders.first().handle == QLatin1String("fay");
    }
    QVERIFY(held);
}

void TstKeyboard::objectionsCheckIsAChoiceInTheTabOrder()
{
    UiFixture f;
    RollCallScenario scenario;
    QVERIFY(scenario.setUp(*f.store).isEmpty());
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(scenario.incidentId));
    w.actionsDock()->decisionAction()->trigger();
    DecisionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = f.dialog<DecisionDialog>()) != nullptr);
    const QList<QRadioButton *> choices = dialog->findChildren<QRadioButton *>();
    QCOMPARE(choices.size(), 3);
    for (QRadioButton *choice : choices)
        QVERIFY2(!choice->isChecked(), qPrintable(choice->objectName())); // nothing preselected

    auto *proposal = dialog->findChild<QPlainTextEdit *>(QStringLiteral("proposalEdit"));
    proposal->setFocus();
    QTest::keyClicks(proposal, QStringLiteral("Fail over to the replica"));
    QTest::keyClick(proposal, Qt::Key_Return, Qt::ControlModifier); // no choice yet: refused, stays open
    QVERIFY(dialog->isVisible());
    QVERIFY(f.store->rollCalls().decisions(scenario.incidentId)->isEmpty());

    proposal->setFocus();
    QTest::keyClick(proposal, Qt::Key_Tab);
    QTRY_VERIFY(qobject_cast<QRadioButton *>(QApplication::focusWidget()));
    // The three choices are one Tab stop, as radio buttons are: the arrow keys choose within it.
    auto *none = dialog->findChild<QRadioButton *>(QStringLiteral("objectionsNone"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QTRY_COMPARE(QApplication::focusWidget(), none);
    QTest::keyClick(none, Qt::Key_Space);
    QVERIFY(none->isChecked());
    QTest::keyClick(proposal, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(f.store->rollCalls().decisions(scenario.incidentId)->first().objectionCheck, ObjectionCheck::NoneRaised);
}

void TstKeyboard::destructiveChordsAskOrShowTheirUndo()
{
    UiFixture f;
    RollCallScenario scenario; // ana commands, bo is Deputy
    QVERIFY(scenario.setUp(*f.store).isEmpty());
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(scenario.incidentId));

    // Ctrl+R naming someone else for the IC: the first Enter only says what would happen.
    w.roleChartDock()->assignAction()->trigger();
    AssignRoleDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = f.dialog<AssignRoleDialog>()) != nullptr);
    dialog->setRole(QStringLiteral("ic"));
    QTest::keyClicks(dialog->personEdit(), QStringLiteral("gus"));
    QTest::keyClick(dialog->personEdit(), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QVERIFY(
        dialog->findChild<QLabel *>(QStringLiteral("assignError"))->text().contains(QStringLiteral("hands command")));
    const auto commander = [&] {
        for (const IncidentRole &role : *f.store->roles().list(scenario.incidentId)) {
            if (role.definition.key == QLatin1String("ic") && !role.holders.isEmpty())
                return role.holders.first().handle;
        }
        return QString();
    };
    QCOMPARE(commander(), QStringLiteral("ana"));
    QTest::keyClick(dialog->personEdit(), Qt::Key_Return);
    QTRY_COMPARE(commander(), QStringLiteral("gus"));

    // Lowering the severity with Ctrl+Alt+3 says how to undo it, and Ctrl+Z does.
    w.activateWindow();
    w.findChild<QAction *>(QStringLiteral("severityAction3"))->trigger();
    QCOMPARE(f.store->incidents().incident(scenario.incidentId)->severity, Severity::Sev3);
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("undoes")),
             qPrintable(w.statusBar()->currentMessage()));
    w.undoStack()->undo();
    QCOMPARE(f.store->incidents().incident(scenario.incidentId)->severity, Severity::Sev1);
}

void TstKeyboard::anActionLineIsOfferedAsATrackedAction()
{
    UiFixture f;
    RollCallScenario scenario; // the SME role is staffed
    QVERIFY(scenario.setUp(*f.store).isEmpty());
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(scenario.incidentId));
    const qsizetype before = f.store->rollCalls().actions(scenario.incidentId)->size();

    // "a: …" logs an action entry and offers it, unsaved, in the new-action line.
    w.timelineDock()->focusEntryAction()->trigger();
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    QTest::keyClicks(line, QStringLiteral("a: drain the AMS POP"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(w.timelineDock()->currentEntry()->kind, EntryKind::Action);
    QCOMPARE(f.store->rollCalls().actions(scenario.incidentId)->size(), before); // offered, not made
    QLineEdit *actionLine = w.actionsDock()->actionLine();
    QCOMPARE(actionLine->text(), QStringLiteral("drain the AMS POP"));
    QVERIFY2(w.statusBar()->currentMessage().contains(
                 w.actionsDock()->focusLineAction()->shortcut().toString(QKeySequence::NativeText)),
             qPrintable(w.statusBar()->currentMessage()));

    // Ctrl+Shift+A, an owner, Enter: tracked.
    w.actionsDock()->focusLineAction()->trigger();
    QVERIFY(!actionLine->hasSelectedText()); // the next key adds to the offer, not replaces it
    QTest::keyClicks(actionLine, QStringLiteral(" @sme"));
    QTest::keyClick(actionLine, Qt::Key_Return);
    const QList<IncidentAction> actions = *f.store->rollCalls().actions(scenario.incidentId);
    QCOMPARE(actions.size(), before + 1);
    bool tracked = false;
    for (const IncidentAction &action : actions)
        tracked = tracked ||
                  (action.text == QLatin1String("drain the AMS POP") && action.ownerRoleKey == QLatin1String("sme"));
    QVERIFY(tracked);

    // Something half-typed in the action line is never overwritten by an offer.
    QTest::keyClicks(actionLine, QStringLiteral("page the DBA"));
    QTest::keyClicks(line, QStringLiteral("a: restart the consumers"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(actionLine->text(), QStringLiteral("page the DBA"));
}

// Alt+1 … Alt+4 pressed (not triggered) while typing in the entry line: the workspace changes and
// the keyboard stays where it was.
void TstKeyboard::workspaceKeysSwitchFromAnywhere()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(f.declare(QStringLiteral("Keys"))));
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    w.timelineDock()->focusEntryAction()->trigger();
    QTRY_COMPARE(QApplication::focusWidget(), line);
    const QList<Workspace> order{Workspace::Scribe, Workspace::Deputy, Workspace::Commander, Workspace::Liaison};
    for (int n = 0; n < order.size(); ++n) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key(Qt::Key_1 + n), Qt::AltModifier);
        QTRY_COMPARE(w.workspaces()->current(), order.at(n));
        QVERIFY(line->isVisible()); // the timeline is in view in every workspace
    }
    QCOMPARE(line->text(), QString()); // the chord typed nothing
}

QTEST_MAIN(TstKeyboard)
#include "tst_keyboard.moc"
