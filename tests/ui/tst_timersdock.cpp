// The timers dock: the Deputy's board. A typed line starts a timer; the fake clock moves and a
// tick (what the 1 s QTimer does) turns it amber, then expired (flashing, alert, timeline entry);
// the board's keys acknowledge, snooze, pause and cancel; the status bar names the next due timer.

#include "dialogs/newincidentdialog.h"
#include "dialogs/timerdefaultsdialog.h"
#include "docks/timersdock.h"
#include "models/timermodel.h"
#include "timers/timerengine.h"
#include "timers/timerservice.h"
#include "uifixture.h"
#include "widgets/kindstyle.h"
#include "widgets/timeralert.h"
#include "widgets/timerdelegate.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTreeView>

using namespace cp;
using namespace cp::test;

class TstTimersDock : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void dockIsInTheViewMenuAndHasItsMenu();
    void typedLineStartsACountdownOnTheBoard();
    void badLineKeepsTheTextAndSaysWhy();
    void amberThenExpiredThenAcknowledgedWithA();
    void snoozeWithSAndFromTheMenu();
    void snoozedTimerSaysUntilWhen();
    void unfocusedWindowIsCalledOnAmberAndExpiry();
    void pauseResumeRestartAndCancelByKey();
    void overdueRowsComeFirst();
    void muteIsSavedAndSilencesTheSound();
    void expiryIsOnTheTimelineOnce();
    void timersRunWithTheBoardClosed();
    void editedDefaultsApplyToTheNextDeclaration();
    void restoreBuiltInDefaults();

private:
    TimersDock *dock() const { return m_ui->window->timersDock(); }
    QString nextText() const
    {
        auto *label = m_ui->window->statusBar()->findChild<QLabel *>(QStringLiteral("nextTimerStatus"));
        return label ? label->text() : QStringLiteral("<no label>");
    }
    QModelIndex rowOf(qint64 timerId, int column = TimerModel::LabelColumn) const
    {
        return dock()->model()->index(dock()->model()->rowOf(timerId), column);
    }
    QString phaseOf(qint64 timerId) const { return rowOf(timerId).data(TimerModel::PhaseKeyRole).toString(); }
    QString remainingOf(qint64 timerId) const { return rowOf(timerId, TimerModel::RemainingColumn).data().toString(); }
    qint64 typeTimer(const QString &line);
    void pressOnBoard(qint64 timerId, int key);
    TimerDefaultsDialog *openDefaultsDialog();
    // The spin box of one default in the table shown (replaced ones wait for deleteLater).
    static QSpinBox *minutesOf(QTableWidget *table, const QString &key, int column)
    {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, TimerDefaultsDialog::EnabledColumn)->data(Qt::UserRole).toString() == key)
                return qobject_cast<QSpinBox *>(table->cellWidget(row, column));
        }
        return nullptr;
    }
    qint64 declareThroughTheWindow(const QString &title, Severity severity);
    Timer defaultTimer(qint64 incidentId, const QString &key) const;
    // Another window takes the focus, as when the Deputy is in the chat or the browser.
    void lookAway()
    {
        m_elsewhere = std::make_unique<QWidget>();
        m_elsewhere->show();
        m_elsewhere->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_elsewhere.get()));
        QTRY_VERIFY(!m_ui->window->isActiveWindow());
    }
    void advanceAndTick(qint64 secs)
    {
        m_ui->clock.advanceSecs(secs);
        m_ui->window->timerService()->tick();
    }

    std::unique_ptr<UiFixture> m_ui;
    std::unique_ptr<QWidget> m_elsewhere;
    qint64 m_incident = 0;
};

void TstTimersDock::init()
{
    m_ui = std::make_unique<UiFixture>();
    QVERIFY(m_ui->openError.ok());
    m_incident = m_ui->declare(QStringLiteral("Checkout down"), Severity::Sev3);
    QVERIFY(m_incident > 0);
    MainWindow &w = m_ui->makeWindow();
    QVERIFY(w.openIncident(m_incident));
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    revealDock(w, QStringLiteral("timersDock")); // the IC's workspace keeps the board behind a tab
    QCOMPARE(dock()->model()->rowCount(), 0);
}

void TstTimersDock::cleanup()
{
    m_elsewhere.reset();
    m_ui.reset();
}

qint64 TstTimersDock::typeTimer(const QString &text)
{
    QLineEdit *line = dock()->findChild<QLineEdit *>(QStringLiteral("newTimerLine"));
    if (!line)
        return 0;
    line->setFocus();
    line->clear();
    QTest::keyClicks(line, text);
    QTest::keyClick(line, Qt::Key_Return);
    return line->text().isEmpty() ? dock()->currentTimerId() : 0;
}

void TstTimersDock::pressOnBoard(qint64 timerId, int key)
{
    QTreeView *view = dock()->findChild<QTreeView *>(QStringLiteral("timersView"));
    QVERIFY(view);
    m_ui->window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_ui->window.get()));
    view->setFocus();
    dock()->selectTimer(timerId);
    QCOMPARE(dock()->currentTimerId(), timerId);
    QTest::keyClick(view, Qt::Key(key));
}

void TstTimersDock::dockIsInTheViewMenuAndHasItsMenu()
{
    QCOMPARE(dock()->objectName(), QStringLiteral("timersDock"));
    auto *view = m_ui->window->findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(view);
    QVERIFY(view->actions().contains(dock()->toggleViewAction()));
    auto *timers = m_ui->window->findChild<QMenu *>(QStringLiteral("timersMenu"));
    QVERIFY(timers);
    QVERIFY(timers->actions().contains(dock()->muteAction()));
    QCOMPARE(nextText(), QStringLiteral("No timers running"));
}

void TstTimersDock::typedLineStartsACountdownOnTheBoard()
{
    const qint64 id = typeTimer(QStringLiteral("5m check DB SME @sme"));
    QVERIFY(id > 0);
    QCOMPARE(dock()->model()->rowCount(), 1);
    QCOMPARE(rowOf(id).data().toString(), QStringLiteral("check DB SME"));
    QCOMPARE(rowOf(id, TimerModel::OwnerColumn).data().toString(), QStringLiteral("sme"));
    QCOMPARE(rowOf(id).data(TimerModel::KindRole).toInt(), int(TimerKind::Countdown));
    QCOMPARE(remainingOf(id), QStringLiteral("5:00"));
    QCOMPARE(phaseOf(id), QStringLiteral("running"));
    QCOMPARE(nextText(), QStringLiteral("Next: check DB SME in 5:00"));

    // Committed: a second reader sees it.
    auto stored = m_ui->store->timers().timer(id);
    QVERIFY(stored);
    QCOMPARE(stored->deadlineAt, m_ui->clock.nowUtc().addSecs(300));

    const qint64 cadence = typeTimer(QStringLiteral("every 20m status update"));
    QVERIFY(cadence > 0);
    QCOMPARE(rowOf(cadence).data(TimerModel::KindRole).toInt(), int(TimerKind::Cadence));
    QCOMPARE(dock()->model()->rowCount(), 2);
    advanceAndTick(61);
    QCOMPARE(remainingOf(id), QStringLiteral("3:59"));
    QCOMPARE(nextText(), QStringLiteral("Next: check DB SME in 3:59"));
}

void TstTimersDock::badLineKeepsTheTextAndSaysWhy()
{
    auto *line = dock()->findChild<QLineEdit *>(QStringLiteral("newTimerLine"));
    QVERIFY(line);
    QCOMPARE(typeTimer(QStringLiteral("check the DB")), qint64(0));
    QCOMPARE(line->text(), QStringLiteral("check the DB"));
    auto *feedback = dock()->findChild<QLabel *>(QStringLiteral("newTimerFeedback"));
    QVERIFY(feedback && !feedback->text().isEmpty());
    QCOMPARE(dock()->model()->rowCount(), 0);
}

void TstTimersDock::amberThenExpiredThenAcknowledgedWithA()
{
    QSignalSpy alerts(dock()->alert(), &TimerAlert::alerted);
    const qint64 id = typeTimer(QStringLiteral("5m check DB SME"));
    QVERIFY(id > 0);

    advanceAndTick(4 * 60 + 5); // 55 s left: inside the amber minute
    QCOMPARE(phaseOf(id), QStringLiteral("due-soon"));
    QCOMPARE(rowOf(id).data(TimerModel::StateRole).toInt(), int(TimerPhase::DueSoon));
    QCOMPARE(remainingOf(id), QStringLiteral("0:55"));
    QCOMPARE(KindStyle::timerBackground(TimerPhase::DueSoon), QColor(0xff, 0xe0, 0x82));
    QVERIFY(!dock()->isFlashing(id));
    QCOMPARE(alerts.count(), 0);

    advanceAndTick(60); // 5 s past the deadline
    QCOMPARE(phaseOf(id), QStringLiteral("expired"));
    QCOMPARE(remainingOf(id), QStringLiteral("+0:05"));
    QVERIFY(dock()->isFlashing(id));
    QCOMPARE(alerts.count(), 1);
    QVERIFY(alerts.at(0).at(0).toString().contains(QStringLiteral("check DB SME")));
    QCOMPARE(dock()->alert()->soundsPlayed(), 1);
    QCOMPARE(nextText(), QStringLiteral("Overdue: check DB SME +0:05"));

    advanceAndTick(30); // overdue counts up; no second alert for the same deadline
    QCOMPARE(remainingOf(id), QStringLiteral("+0:35"));
    QCOMPARE(alerts.count(), 1);

    pressOnBoard(id, Qt::Key_A);
    QTRY_COMPARE(phaseOf(id), QStringLiteral("acknowledged"));
    QVERIFY(!dock()->isFlashing(id));
    QCOMPARE(m_ui->store->timers().timer(id)->state, TimerState::Acknowledged);
    QCOMPARE(nextText(), QStringLiteral("No timers running"));
}

void TstTimersDock::snoozeWithSAndFromTheMenu()
{
    const qint64 id = typeTimer(QStringLiteral("every 20m status update @comms"));
    QVERIFY(id > 0);
    advanceAndTick(20 * 60 + 10);
    QCOMPARE(phaseOf(id), QStringLiteral("expired"));

    pressOnBoard(id, Qt::Key_S); // S: three minutes
    QTRY_COMPARE(phaseOf(id), QStringLiteral("running"));
    QCOMPARE(remainingOf(id), QStringLiteral("3:00"));
    QCOMPARE(m_ui->store->timers().timer(id)->deadlineAt, m_ui->clock.nowUtc().addSecs(180));
    QCOMPARE(nextText(), QStringLiteral("Next: status update in 3:00"));

    QAction *five = dock()->snoozeMenu()->findChild<QAction *>(QStringLiteral("snoozeTimer5Action"));
    if (!five) {
        for (QAction *action : dock()->snoozeMenu()->actions())
            if (action->objectName() == QLatin1String("snoozeTimer5Action"))
                five = action;
    }
    QVERIFY(five);
    five->trigger();
    QCOMPARE(remainingOf(id), QStringLiteral("5:00"));
}

// A snoozed timer says until when; a countdown paused and resumed is not snoozed.
void TstTimersDock::snoozedTimerSaysUntilWhen()
{
    const qint64 id = typeTimer(QStringLiteral("5m check DB SME"));
    const qint64 paused = typeTimer(QStringLiteral("10m rollback decision"));
    QVERIFY(id > 0 && paused > 0);
    const auto stateOf = [this](qint64 timerId) { return rowOf(timerId, TimerModel::StateColumn).data().toString(); };
    QCOMPARE(stateOf(id), QStringLiteral("Running"));

    advanceAndTick(5 * 60 + 10);
    QCOMPARE(phaseOf(id), QStringLiteral("expired"));
    pressOnBoard(id, Qt::Key_S); // three minutes
    QTRY_COMPARE(phaseOf(id), QStringLiteral("running"));
    const QDateTime until = m_ui->store->timers().timer(id)->deadlineAt;
    QCOMPARE(stateOf(id),
             QStringLiteral("Snoozed until %1").arg(until.toLocalTime().toString(QStringLiteral("HH:mm"))));

    QVERIFY(m_ui->store->timers().pause(paused, QStringLiteral("ana")).ok());
    advanceAndTick(60);
    QVERIFY(m_ui->store->timers().resume(paused, QStringLiteral("ana")).ok());
    m_ui->window->timerService()->tick();
    QCOMPARE(stateOf(paused), QStringLiteral("Running"));

    // Acknowledged or restarted, it is no longer snoozed.
    QVERIFY(m_ui->store->timers().restart(id, QStringLiteral("ana")).ok());
    m_ui->window->timerService()->tick();
    QCOMPARE(stateOf(id), QStringLiteral("Running"));
}

// Looking at another window, the Deputy is called: the taskbar entry and a desktop notification
// when a timer turns amber and when it expires; at the window, the board itself is enough.
void TstTimersDock::unfocusedWindowIsCalledOnAmberAndExpiry()
{
    QSignalSpy called(dock()->alert(), &TimerAlert::attentionCalled);
    QSignalSpy alerts(dock()->alert(), &TimerAlert::alerted);
    auto started = m_ui->store->timers().startCountdown(m_incident, QStringLiteral("check DB SME"), 5 * 60000, {},
                                                        QStringLiteral("ana"));
    QVERIFY(started);
    lookAway();

    advanceAndTick(4 * 60 + 5); // amber
    QCOMPARE(called.count(), 1);
    QVERIFY2(called.at(0).at(0).toString().contains(QStringLiteral("check DB SME")),
             qPrintable(called.at(0).at(0).toString()));
    QVERIFY(called.at(0).at(1).toString().contains(QStringLiteral("0:55")));
    QCOMPARE(alerts.count(), 0); // amber makes no sound

    advanceAndTick(60); // expired
    QCOMPARE(alerts.count(), 1);
    QCOMPARE(called.count(), 2);
    QVERIFY(called.at(1).at(0).toString().startsWith(QStringLiteral("Timer expired")));

    // Back at the window: a second timer's amber and expiry call nobody; the expiry still sounds.
    m_ui->window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_ui->window.get()));
    QVERIFY(m_ui->store->timers().startCountdown(m_incident, QStringLiteral("status update"), 2 * 60000, {},
                                                 QStringLiteral("ana")));
    advanceAndTick(65);
    advanceAndTick(60);
    QCOMPARE(alerts.count(), 2);
    QCOMPARE(called.count(), 2);
}

void TstTimersDock::pauseResumeRestartAndCancelByKey()
{
    const qint64 id = typeTimer(QStringLiteral("10m rollback decision @ic"));
    QVERIFY(id > 0);
    advanceAndTick(120);
    pressOnBoard(id, Qt::Key_P);
    QTRY_COMPARE(phaseOf(id), QStringLiteral("paused"));
    advanceAndTick(300); // paused: the time left is frozen
    QCOMPARE(remainingOf(id), QStringLiteral("8:00"));
    pressOnBoard(id, Qt::Key_P);
    QTRY_COMPARE(phaseOf(id), QStringLiteral("running"));
    QCOMPARE(remainingOf(id), QStringLiteral("8:00"));

    pressOnBoard(id, Qt::Key_R);
    QTRY_COMPARE(remainingOf(id), QStringLiteral("10:00"));

    pressOnBoard(id, Qt::Key_Delete);
    QTRY_COMPARE(phaseOf(id), QStringLiteral("cancelled"));
    QCOMPARE(m_ui->store->timers().timer(id)->state, TimerState::Cancelled);
}

void TstTimersDock::overdueRowsComeFirst()
{
    const qint64 later = typeTimer(QStringLiteral("30m internal update"));
    const qint64 soon = typeTimer(QStringLiteral("2m check DB SME"));
    const qint64 watch = typeTimer(QStringLiteral("stopwatch since declared"));
    QVERIFY(later > 0 && soon > 0 && watch > 0);
    advanceAndTick(3 * 60);
    QCOMPARE(dock()->model()->rowOf(soon), 0);
    QCOMPARE(phaseOf(soon), QStringLiteral("expired"));
    QCOMPARE(dock()->model()->rowOf(later), 1);
    QCOMPARE(dock()->model()->rowOf(watch), 2);
    QCOMPARE(nextText(), QStringLiteral("Overdue: check DB SME +1:00 · Next: internal update in 27:00"));
}

void TstTimersDock::muteIsSavedAndSilencesTheSound()
{
    QVERIFY(!m_ui->preferences->timerSoundMuted());
    dock()->muteAction()->trigger();
    QVERIFY(m_ui->preferences->timerSoundMuted());
    QVERIFY(dock()->alert()->isMuted());
    QSignalSpy alerts(dock()->alert(), &TimerAlert::alerted);
    const qint64 id = typeTimer(QStringLiteral("1m quick check"));
    QVERIFY(id > 0);
    advanceAndTick(61);
    QCOMPARE(alerts.count(), 1);                  // the notification still shows
    QCOMPARE(dock()->alert()->soundsPlayed(), 0); // but silently
    QVERIFY(dock()->isFlashing(id));
}

void TstTimersDock::expiryIsOnTheTimelineOnce()
{
    const qint64 id = typeTimer(QStringLiteral("1m check DB SME"));
    QVERIFY(id > 0);
    advanceAndTick(90);
    advanceAndTick(1);
    auto stored = m_ui->store->timers().timer(id);
    QVERIFY(stored);
    QCOMPARE(stored->expiredDeadlineAt, stored->deadlineAt);
    TimelinePage page;
    page.incidentId = m_incident;
    page.limit = 100;
    auto entries = m_ui->store->timeline().entries(page);
    QVERIFY(entries);
    int expiries = 0;
    for (const TimelineEntry &e : std::as_const(*entries)) {
        if (e.kind == EntryKind::Timer && e.text.contains(QStringLiteral("expired"), Qt::CaseInsensitive))
            ++expiries;
    }
    QCOMPARE(expiries, 1);
}

// The window runs the timers and the status bar reads the incident's timer model: closing the
// board (or another incident's timer expiring) changes neither.
void TstTimersDock::timersRunWithTheBoardClosed()
{
    dock()->close();
    QVERIFY(
        m_ui->store->timers().startCountdown(m_incident, QStringLiteral("check DB"), 60000, {}, QStringLiteral("ana")));
    const qint64 other = m_ui->declare(QStringLiteral("Elsewhere"));
    auto elsewhere = m_ui->store->timers().startCountdown(other, QStringLiteral("call the vendor"), 30000, {},
                                                          QStringLiteral("ana"));
    QVERIFY(elsewhere);
    QCOMPARE(nextText(), QStringLiteral("Next: check DB in 1:00"));
    QCOMPARE(m_ui->window->timerModel()->nextDueText(), nextText());
    advanceAndTick(45);
    QCOMPARE(nextText(), QStringLiteral("Next: check DB in 0:15"));
    auto vendor = m_ui->store->timers().timer(*elsewhere);
    QVERIFY(vendor);
    QVERIFY(vendor->expiredDeadlineAt.isValid()); // recorded, though no board shows that incident
    advanceAndTick(20);
    QCOMPARE(nextText(), QStringLiteral("Overdue: check DB +0:05"));
    QVERIFY(dock()->isHidden());
}

TimerDefaultsDialog *TstTimersDock::openDefaultsDialog()
{
    auto *action = m_ui->window->findChild<QAction *>(QStringLiteral("timerDefaultsAction"));
    if (!action || !m_ui->window->findChild<QMenu *>(QStringLiteral("timersMenu"))->actions().contains(action))
        return nullptr;
    action->trigger();
    return m_ui->dialog<TimerDefaultsDialog>();
}

qint64 TstTimersDock::declareThroughTheWindow(const QString &title, Severity severity)
{
    m_ui->window->findChild<QAction *>(QStringLiteral("newIncidentAction"))->trigger();
    auto *dialog = m_ui->dialog<NewIncidentDialog>();
    if (!dialog)
        return 0;
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("incidentTitle")), title);
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("incidentSeverity"));
    combo->setCurrentIndex(combo->findData(static_cast<int>(severity)));
    dialog->accept();
    return m_ui->window->currentIncidentId();
}

Timer TstTimersDock::defaultTimer(qint64 incidentId, const QString &key) const
{
    for (const Timer &t : *m_ui->store->timers().list(incidentId)) {
        if (t.defaultKey == key)
            return t;
    }
    return {};
}

void TstTimersDock::editedDefaultsApplyToTheNextDeclaration()
{
    TimerDefaultsDialog *dialog = openDefaultsDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->severity(), Severity::Sev3); // the open incident's
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("timerDefaultsTable"));
    QCOMPARE(table->rowCount(), int(TimerDefaults::forSeverity(Severity::Sev3).size()));

    auto *severity = dialog->findChild<QComboBox *>(QStringLiteral("timerDefaultsSeverity"));
    severity->setCurrentIndex(severity->findData(static_cast<int>(Severity::Sev1)));
    QCOMPARE(dialog->severity(), Severity::Sev1);
    QCOMPARE(table->rowCount(), 7);
    auto *period = minutesOf(table, QStringLiteral("external-update"), TimerDefaultsDialog::MinutesColumn);
    QVERIFY(period);
    QCOMPARE(period->value(), 20);
    period->setValue(15);
    auto *first = minutesOf(table, QStringLiteral("external-update"), TimerDefaultsDialog::FirstAfterColumn);
    QVERIFY(first);
    QCOMPARE(first->value(), 5);
    first->setValue(3);
    for (int row = 0; row < table->rowCount(); ++row) {
        QTableWidgetItem *on = table->item(row, TimerDefaultsDialog::EnabledColumn);
        if (on->data(Qt::UserRole).toString() == QLatin1String("elapsed-callout")) {
            QCOMPARE(table->item(row, TimerDefaultsDialog::OwnerColumn)->text(), QStringLiteral("deputy"));
            on->setCheckState(Qt::Unchecked);
        }
    }
    // Away to another severity and back: the edits are kept.
    severity->setCurrentIndex(severity->findData(static_cast<int>(Severity::Sev4)));
    severity->setCurrentIndex(severity->findData(static_cast<int>(Severity::Sev1)));
    QCOMPARE(minutesOf(table, QStringLiteral("external-update"), TimerDefaultsDialog::MinutesColumn)->value(), 15);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(!dialog->isVisible());

    const TimerDefaultOverrides saved = m_ui->preferences->timerDefaultOverrides();
    QCOMPARE(saved.value(Severity::Sev1, QStringLiteral("external-update")), (TimerDefaultOverride{true, 15, 3}));
    QCOMPARE(saved.value(Severity::Sev1, QStringLiteral("elapsed-callout")).enabled, false);
    QCOMPARE(saved.value(Severity::Sev1, QStringLiteral("internal-update")), TimerDefaultOverride());
    QVERIFY(m_ui->settings->contains(QStringLiteral("preferences/timerDefaults")));

    const QDateTime declaredAt = m_ui->clock.nowUtc();
    const qint64 incident = declareThroughTheWindow(QStringLiteral("Payments down"), Severity::Sev1);
    QVERIFY(incident > 0 && incident != m_incident);
    const Timer external = defaultTimer(incident, QStringLiteral("external-update"));
    QVERIFY(external.id > 0);
    QCOMPARE(external.durationMs, qint64(15) * 60 * 1000);
    QCOMPARE(external.deadlineAt, declaredAt.addSecs(3 * 60));
    QCOMPARE(defaultTimer(incident, QStringLiteral("elapsed-callout")).id, qint64(0)); // switched off
    QCOMPARE(defaultTimer(incident, QStringLiteral("internal-update")).durationMs, qint64(30) * 60 * 1000);
    QCOMPARE(m_ui->store->timers().list(incident)->size(), 6);
}

void TstTimersDock::restoreBuiltInDefaults()
{
    TimerDefaultOverrides changed;
    changed.set(Severity::Sev2, QStringLiteral("external-update"), {true, 10, 0});
    changed.set(Severity::Sev3, QStringLiteral("ic-handover"), {false, 0, 0});
    m_ui->preferences->setTimerDefaultOverrides(changed);

    TimerDefaultsDialog *dialog = openDefaultsDialog();
    QVERIFY(dialog);
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("timerDefaultsTable"));
    auto *severity = dialog->findChild<QComboBox *>(QStringLiteral("timerDefaultsSeverity"));
    severity->setCurrentIndex(severity->findData(static_cast<int>(Severity::Sev2)));
    QCOMPARE(minutesOf(table, QStringLiteral("external-update"), TimerDefaultsDialog::MinutesColumn)->value(), 10);
    dialog->findChild<QPushButton *>(QStringLiteral("restoreTimerDefaultsButton"))->click();
    QCOMPARE(minutesOf(table, QStringLiteral("external-update"), TimerDefaultsDialog::MinutesColumn)->value(), 20);
    QVERIFY(dialog->overrides().isEmpty());
    QCOMPARE(m_ui->preferences->timerDefaultOverrides(), changed); // nothing saved before OK
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();

    QVERIFY(m_ui->preferences->timerDefaultOverrides().isEmpty());
    QVERIFY(!m_ui->settings->contains(QStringLiteral("preferences/timerDefaults")));
    const qint64 incident = declareThroughTheWindow(QStringLiteral("Search slow"), Severity::Sev2);
    QVERIFY(incident > 0);
    QCOMPARE(defaultTimer(incident, QStringLiteral("external-update")).durationMs, qint64(20) * 60 * 1000);
    QCOMPARE(m_ui->store->timers().list(incident)->size(), TimerDefaults::forSeverity(Severity::Sev2).size());
}

QTEST_MAIN(TstTimersDock)
#include "tst_timersdock.moc"
