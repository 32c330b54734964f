#pragma once

#include "domain/timelineentry.h"

#include <QDockWidget>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QStringListModel;
class QTreeView;

namespace cp {

class Outbox;
class OutboxSender;
class PendingEntriesView;

class Clock;
class IncidentSession;
class IncidentStore;
class Preferences;
class QuickEntryEdit;
class StoreCommand;
class TimelineDelegate;
class TimelineFilterBar;
class TimelineModel;

// The incident's log: a fast view over TimelineModel (newest first), the Scribe's quick
// entry line, the filter row (TimelineFilterBar), the entries pending in team mode
// (PendingEntriesView), and the entry actions (amend, retract, key event, history).
// Every change goes through the incident's undo stack and the store.
class TimelineDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineDock)

public:
    TimelineDock(IncidentStore &store, const Clock &clock, Preferences &preferences, QWidget *parent = nullptr);
    ~TimelineDock() override;

    // 0 shows the empty state. The stack receives the commands made here.
    // The incident shown and written to; null: none.
    void setSession(IncidentSession *session);
    qint64 incidentId() const { return m_incidentId; }

    TimelineModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QuickEntryEdit *quickEntry() const { return m_line; }

    EntryKind entryKind() const;
    void setEntryKind(EntryKind kind);

    // Team mode: entries that cannot reach the server are kept in 'outbox' (through 'sender') and
    // shown above the timeline as pending until they are sent.
    void setOutbox(Outbox &outbox, OutboxSender &sender);

    // What Enter in the quick entry line does. On failure the typed text stays and the
    // error shows inline; nothing typed is lost.
    bool logQuickEntry();

    std::optional<TimelineEntry> currentEntry() const;
    void selectEntry(qint64 entryId);

    // The entry actions, for the Edit menu and the context menu.
    QAction *amendAction() const { return m_amendAction; }
    QAction *retractAction() const { return m_retractAction; }
    QAction *keyEventAction() const { return m_keyEventAction; }
    QAction *copyAction() const { return m_copyAction; }
    QAction *historyAction() const { return m_historyAction; }
    QAction *findAction() const { return m_findAction; }
    QAction *focusEntryAction() const { return m_focusEntryAction; }
    QAction *focusTimelineAction() const { return m_focusTimelineAction; }
    const QList<QAction *> &kindActions() const { return m_kindActions; }

    void amendCurrent();
    void toggleRetractCurrent();
    void toggleKeyEventCurrent();
    void copyCurrent();
    void showHistoryCurrent();

    void retranslateUi();

signals:
    void declareIncidentRequested();
    // An `a:` line (or one of the action kind) was logged: the window offers to track it.
    void actionLogged(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    QWidget *createEmptyPage();
    QWidget *createTimelinePage();
    void configureView();
    void showContextMenu(const QPoint &pos);
    void updateActions();
    void updatePreview();
    void showIdleHint();
    void fitChromeToHeight();
    void adoptRosterPerson();
    void showStampedAuthor();
    void rememberAuthor(const QString &who);
    void retranslateAuthor();
    enum class Feedback
    {
        None,
        Preview,
        Saved,
        Error
    };
    void showFeedback(const QString &text, const QColor &color, Feedback kind);
    void applyFilter();
    void refreshAuthors();
    // Reads the authors the first time the author field or the author filter takes focus.
    void wantAuthors();
    bool runCommand(std::unique_ptr<StoreCommand> command);
    // The line could not reach the server: it goes to the outbox (durable before the line clears).
    bool keepPending(const NewEntry &entry, const QString &line, const QString &who);
    QString author() const;

    IncidentStore &m_store;
    const Clock &m_clock;
    Preferences &m_preferences;
    qint64 m_incidentId = 0;
    IncidentSession *m_session = nullptr;

    TimelineModel *m_model;
    OutboxSender *m_sender = nullptr;
    PendingEntriesView *m_pendingView = nullptr;
    TimelineDelegate *m_delegate;
    QStackedWidget *m_pages;
    QLabel *m_emptyLabel = nullptr;
    QPushButton *m_declareButton = nullptr;

    QComboBox *m_kind = nullptr;
    QLineEdit *m_author = nullptr;
    QuickEntryEdit *m_line = nullptr;
    QPushButton *m_logButton = nullptr;
    QLabel *m_feedback = nullptr;
    Feedback m_feedbackKind = Feedback::None;

    QWidget *m_timelinePage = nullptr;
    TimelineFilterBar *m_filterBar = nullptr;
    QStringListModel *m_authorNames;
    // Listing the authors scans the whole timeline (half a second at a million entries): the
    // window shows first and reads them when someone reaches for the author field or filter.
    bool m_authorsWanted = false;

    QTreeView *m_view = nullptr;

    QAction *m_amendAction = nullptr;
    QAction *m_retractAction = nullptr;
    QAction *m_keyEventAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_focusEntryAction = nullptr;
    QAction *m_focusTimelineAction = nullptr;
    QList<QAction *> m_kindActions;
};

} // namespace cp
