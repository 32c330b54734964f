#pragma once

#include "db/storeerror.h"
#include "domain/steptaker.h"

#include "deferreddock.h"

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;
class QTreeView;

namespace cp {

class ActingForBox;
class AudiencePhaseModel;
class Clock;
class FeedbackLabel;
class IncidentSession;
class IncidentStore;
class MessageModel;

// The business incident's communications at a glance (issue #9): the audience x phase grid (what
// is drafted, approved, sent, skipped or due, the current phase marked, the next update due per
// audience), every message with the step of the approval chain it waits for drawn as a chain, and
// the selected message's text with its history. Buttons (and keys) take the message's next step:
// approve, request changes, revise, draft; a grid cell can be skipped with a reason (undoable).
class CommsDock final : public DeferredDock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommsDock)

public:
    explicit CommsDock(IncidentStore &store, QWidget *parent = nullptr);
    ~CommsDock() override;

    qint64 incidentId() const
    {
        ensureBuilt();
        return m_incidentId;
    }

    AudiencePhaseModel *gridModel() const { return built(m_gridModel); }
    MessageModel *messageModel() const { return built(m_messageModel); }
    QTableView *gridView() const { return built(m_grid); }
    QTreeView *messageView() const { return built(m_messages); }

    qint64 currentMessageId() const; // 0: none selected
    void selectMessage(qint64 messageId);
    // The step the selected message waits for, approved (or done, for sending), for the one chosen
    // in "Acting for" (a holder of the step's role, or the IC overriding with the reason beside it).
    StoreError approveCurrent();
    ActingForBox *actingFor() const { return built(m_actingFor); }
    StoreError requestChangesCurrent(const QString &comment);
    StoreError reviseCurrent(const QString &text);
    Result<qint64> draft(const QString &audience, const QString &phase, const QString &channel, const QString &text,
                         const StepSigner &signer = {});
    StoreError skipCell(const QString &audience, const QString &phase, const QString &reason);
    // Reads the clock again for "overdue" in the grid (the main window's 1 s beat).
    void refreshNow();

    QAction *focusAction() const { return m_focusAction; }

protected:
    void changeEvent(QEvent *event) override;
    QWidget *buildContent() override;
    void showSession(IncidentSession *session) override;

private:
    void retranslateUi();
    void updateState();
    void updateDetail();
    void askDraft(const QString &audience, const QString &phase);
    void askChanges();
    void askRevise();
    void askSkip();
    StoreError takeStep(StepVerdict verdict, const QString &comment);

    IncidentStore &m_store;
    IncidentSession *m_session = nullptr;
    qint64 m_incidentId = 0;
    AudiencePhaseModel *m_gridModel = nullptr;
    MessageModel *m_messageModel = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_gridLabel = nullptr;
    QTableView *m_grid = nullptr;
    QLabel *m_messagesLabel = nullptr;
    QTreeView *m_messages = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    FeedbackLabel *m_error = nullptr;
    QPushButton *m_approve = nullptr;
    ActingForBox *m_actingFor = nullptr;
    QPushButton *m_changes = nullptr;
    QPushButton *m_revise = nullptr;
    QPushButton *m_draft = nullptr;
    QPushButton *m_skip = nullptr;
    QAction *m_focusAction;
    QTimer *m_beat = nullptr;
};

} // namespace cp
