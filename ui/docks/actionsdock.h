#pragma once

#include "db/storeerror.h"
#include "domain/incidentaction.h"

#include <QDockWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace cp {

class ActionModel;
class DecisionModel;
class FeedbackLabel;
class IncidentSession;
class IncidentStore;

// The actions the IC delegates, open ones first, and under them the decisions taken. A one-line
// field adds an action ("Roll back checkout @sme", "@dana" for a person); on the list I marks it
// in progress, D done, Delete cancels and F toggles the postmortem follow-up mark, each undoable.
// "Record decision…" asks for the proposal, the "any strong objections?" check and the outcome.
class ActionsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsDock)

public:
    explicit ActionsDock(IncidentStore &store, QWidget *parent = nullptr);
    ~ActionsDock() override;

    // The incident shown and written to; null: none.
    void setSession(IncidentSession *session);
    qint64 incidentId() const { return m_incidentId; }

    ActionModel *model() const { return m_model; }
    DecisionModel *decisionModel() const { return m_decisions; }
    QTreeView *view() const { return m_view; }
    QTreeView *decisionsView() const { return m_decisionsView; }
    QLineEdit *actionLine() const { return m_line; }

    bool addFromLine(); // what Enter in the line does
    // An action logged on the timeline, offered as a tracked one: its text waits in the new-action
    // line (unless something is being typed there) for an owner and Enter. False when the line was busy.
    bool offerAction(const QString &text);
    qint64 currentActionId() const;
    void selectAction(qint64 actionId);
    bool setCurrentStatus(ActionStatus status);
    bool toggleCurrentFollowUp();
    void recordDecision(); // opens the decision dialog

    QAction *focusLineAction() const { return m_focusLineAction; }
    QAction *decisionAction() const { return m_decisionAction; }
    QList<QAction *> actionActions() const; // in progress, done, cancel, follow-up

    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    bool change(const ActionChange &change);
    void updateTitle();

    IncidentStore &m_store;
    IncidentSession *m_session = nullptr;
    qint64 m_incidentId = 0;

    ActionModel *m_model;
    DecisionModel *m_decisions;
    QLineEdit *m_line = nullptr;
    QString m_offered; // the text offerAction put in the line
    QCheckBox *m_followUpCheck = nullptr;
    FeedbackLabel *m_feedback = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_decisionsTitle = nullptr;
    QPushButton *m_decisionButton = nullptr;
    QTreeView *m_decisionsView = nullptr;

    QAction *m_focusLineAction = nullptr;
    QAction *m_decisionAction = nullptr;
    QAction *m_progressAction = nullptr;
    QAction *m_doneAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_followUpAction = nullptr;
};

} // namespace cp
