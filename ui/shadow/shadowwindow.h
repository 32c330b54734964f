#pragma once

#include "domain/incident.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QToolButton;
class QTreeView;
class QVBoxLayout;

namespace cp {

class Clock;
class IncidentClockLabel;
class IncidentListModel;
class IncidentStore;
class NotedTimelineModel;
class StaffedRoleList;
class RoleTreeModel;
class RollCallPanel;
class TimelineModel;
class TimerModel;
class TraineeNoteModel;
class TraineeNotesPanel;
class TraineeNotes;

// The trainee's second screen: one incident in large type, read-only — the incident clock,
// severity and status on top; the role chart; the timers board; the roll call (plugged in by
// default; setRollCallPanel can put another in its place); the latest timeline entries, newest first; and
// the trainee's own notes, pinned to moments of the timeline and kept in their own file.
//
// It only reads the store it is given, through the same models as the console, so it updates
// row by row as the store announces changes — its own writes (the console's shadow view), another
// process's commits (--follow) or a replay's. A reader scrolled down the timeline keeps their
// place when new entries arrive at the top. F11 toggles full screen; the screen button (or
// Ctrl+Shift+S) moves the window to another monitor; Ctrl++ and Ctrl+- change the type size.
class ShadowWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShadowWindow)

public:
    // The type is scaled to the window's height (capitals of CapHeightAt1080 px on a 1080-line
    // screen); Ctrl++ and Ctrl+- multiply that by the type scale.
    static constexpr qreal CapHeightAt1080 = 34;
    static constexpr qreal DefaultTypeScale = 1.0;
    static constexpr qreal MinimumTypeScale = 0.5;
    static constexpr qreal MaximumTypeScale = 2.0;
    // Above the timeline, against the body type: the timers' names (their times stay large) and
    // the roll call's five columns beside its missed list, whose colours carry from afar.
    static constexpr qreal TimerNameScale = 0.8;
    static constexpr qreal RollCallScale = 0.7;

    // notes may be null (no notebook could be opened): the notes panel then says so.
    ShadowWindow(IncidentStore &store, const Clock &clock, TraineeNotes *notes, QWidget *parent = nullptr);
    ~ShadowWindow() override;

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    // Which database the notes belong to (its absolute path) and which incident of it: for a
    // replay that is the replayed incident in its own database, not the scratch copy.
    void setNotesIncident(const QString &databaseKey, qint64 incidentId);
    // The most severe open incident, else the newest one; while there is none, the first one
    // declared later is opened as soon as it appears.
    void openInitialIncident();
    // Follow mode: an incident chooser and a line saying which file is followed and when it last
    // changed. Without it (the console's own shadow view, a replay) the window shows one incident.
    void setFollowing(const QString &databasePath);
    // A line of context under the header ("Replay of #12 at 10×").
    void setBanner(const QString &text);

    // Plug points: a roll-call panel (the missed items and the current round), and a bar of
    // controls under the panels (the replay's).
    void setRollCallPanel(QWidget *panel);
    void setControls(QWidget *controls);

    // Screens: the window's screen by index in QGuiApplication::screens(); the second screen when
    // there is one (the trainee's), else the first.
    static int preferredScreen();
    void moveToScreen(int index);
    void toggleFullScreen();
    qreal typeScale() const { return m_typeScale; }
    void setTypeScale(qreal scale);
    // Entries that arrived above the reader's place since they scrolled down ("3 new entries ↑").
    int unseenEntries() const { return m_unseenEntries; }

    TraineeNotesPanel *notesPanel() const { return m_notesPanel; }

    RoleTreeModel *roleModel() const { return m_roleModel; }
    TimerModel *timerModel() const { return m_timerModel; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    TraineeNoteModel *noteModel() const { return m_noteModel; }
    QTreeView *timelineView() const { return m_timelineView; }
    RollCallPanel *rollCallPanel() const { return m_rollCall; }

    void retranslateUi();

signals:
    void replayRequested();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildHeader(QVBoxLayout *layout);
    void refreshIncident();
    void refreshSourceLine();
    void updateTitle();
    void tick();
    void rememberScroll();
    void keepScroll(int first, int last);
    void fillScreenMenu();
    qreal bodyPointSize() const;
    void applyType();
    void fitTimerColumns();
    void setUnseenEntries(int count);

    IncidentStore &m_store;
    const Clock &m_clock;
    TraineeNotes *m_notes;
    qint64 m_incidentId = 0;
    Incident m_incident;
    bool m_waitingForIncident = false;
    QString m_followedPath;
    QDateTime m_lastChangeSeen;
    qreal m_typeScale = DefaultTypeScale;
    qreal m_basePointSize = 0;

    IncidentListModel *m_incidents = nullptr;
    RoleTreeModel *m_roleModel;
    TimerModel *m_timerModel;
    TimelineModel *m_timelineModel;
    NotedTimelineModel *m_notedTimeline;
    TraineeNoteModel *m_noteModel = nullptr;

    QLabel *m_severityLabel = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    IncidentClockLabel *m_clockLabel = nullptr;
    QLabel *m_wallClock = nullptr;
    QComboBox *m_incidentCombo = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QLabel *m_bannerLabel = nullptr;
    QToolButton *m_screenButton = nullptr;
    QToolButton *m_replayButton = nullptr;
    QLabel *m_rolesTitle = nullptr;
    QLabel *m_timersTitle = nullptr;
    QLabel *m_rollCallTitle = nullptr;
    QLabel *m_timelineTitle = nullptr;
    StaffedRoleList *m_chart = nullptr;
    QTreeView *m_timersView = nullptr;
    QWidget *m_rollCallBox = nullptr;
    QLabel *m_rollCallPlaceholder = nullptr;
    RollCallPanel *m_rollCall = nullptr;
    QTreeView *m_timelineView = nullptr;
    QPushButton *m_newEntriesNote = nullptr;
    QSplitter *m_splitter = nullptr;
    TraineeNotesPanel *m_notesPanel = nullptr;
    QVBoxLayout *m_controlsLayout = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_nextScreenAction = nullptr;
    QAction *m_biggerAction = nullptr;
    QAction *m_smallerAction = nullptr;
    QAction *m_noteAction = nullptr;
    QTimer m_ticker;
    QTimer m_relayoutTimeline;

    // Scroll keeping: the entry at the top of the timeline before rows arrived above it.
    qint64 m_anchorEntryId = 0;
    int m_anchorOffset = 0;
    bool m_atTop = true;
    int m_unseenEntries = 0;
};

} // namespace cp
