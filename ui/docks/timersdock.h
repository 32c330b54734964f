#pragma once

#include "db/storeerror.h"
#include "deferreddock.h"
#include "domain/timer.h"

#include <QHash>
#include <QTimer>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QTreeView;

namespace cp {

class Clock;
class FeedbackLabel;
class IncidentSession;
class IncidentStore;
class Preferences;
class TimerAlert;
class TimerDelegate;
class TimerModel;
class TimerService;

// The Deputy's board: every timer of the incident, most urgent first, with large countdowns
// (or "+overdue" counting up), amber when due soon and red when expired. A one-line field starts
// a timer ("5m check DB SME", "every 20m status update @comms"); on the board A acknowledges,
// S snoozes 3 minutes, P pauses or resumes, R restarts and Delete cancels.
//
// The window's TimerService runs the timers and its TimerModel follows the incident shown; the
// dock shows that model and answers the service's announcements: on an expiry the row flashes,
// the alert sounds (unless muted) and a desktop notification shows. Those announcements, the
// alert, the menus' actions and their shortcuts belong to the frame: they work while the board
// itself is not built yet (a workspace that keeps it behind a tab).
class TimersDock final : public DeferredDock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimersDock)

public:
    static constexpr int DefaultSnoozeMinutes = 3;

    TimersDock(IncidentStore &store, const Clock &clock, Preferences &preferences, TimerModel &model,
               TimerService &service, QWidget *parent = nullptr);
    ~TimersDock() override;

    qint64 incidentId() const { return m_incidentId; }

    TimerModel *model() const { return m_model; }
    TimerAlert *alert() const { return m_alert; }
    QTreeView *view() const { return built(m_view); }
    QLineEdit *timerLine() const { return built(m_line); }

    // What Enter in the new-timer line does; on failure the text stays and the error shows.
    bool startTimerLine();

    qint64 currentTimerId() const; // 0: none selected
    void selectTimer(qint64 timerId);
    void acknowledgeCurrent();
    void snoozeCurrent(int minutes);
    void togglePauseCurrent();
    void restartCurrent();
    void cancelCurrent();

    bool isFlashing(qint64 timerId) const { return m_flashing.contains(timerId); }

    QAction *focusLineAction() const { return m_focusLineAction; }
    QAction *focusBoardAction() const { return m_focusBoardAction; }
    QAction *muteAction() const { return m_muteAction; }
    QList<QAction *> timerActions() const; // acknowledge … cancel, for menus
    QMenu *snoozeMenu() const { return m_snoozeMenu; }

    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;
    QWidget *buildContent() override;
    void showSession(IncidentSession *session) override;
    void updateFrame(IncidentSession *session) override;

private:
    void createActions();
    // The rows flashing now, on the board if it is built.
    void showFlashing();
    void showContextMenu(const QPoint &pos);
    void updateActions();
    // The timer as the engine last read it: the alert needs no read of the store, which may be a
    // server out of reach at that moment.
    void onExpired(const Timer &timer);
    void onDue(const Timer &timer);
    void flash();
    void runOnCurrent(const std::function<StoreError(qint64 timerId, const QString &author)> &command);

    IncidentStore &m_store;
    const Clock &m_clock;
    Preferences &m_preferences;
    qint64 m_incidentId = 0;

    TimerModel *m_model;
    TimerAlert *m_alert;
    TimerDelegate *m_delegate = nullptr;

    QTimer m_flashTimer;
    QHash<qint64, int> m_flashing; // timer id → flashes left
    bool m_lit = false;

    QLineEdit *m_line = nullptr;
    FeedbackLabel *m_feedback = nullptr;
    QTreeView *m_view = nullptr;
    QMenu *m_snoozeMenu = nullptr;

    QAction *m_focusLineAction = nullptr;
    QAction *m_focusBoardAction = nullptr;
    QAction *m_acknowledgeAction = nullptr;
    QAction *m_snoozeAction = nullptr;
    QList<QAction *> m_snoozeMinutesActions;
    QAction *m_pauseAction = nullptr;
    QAction *m_restartAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_muteAction = nullptr;
};

} // namespace cp
