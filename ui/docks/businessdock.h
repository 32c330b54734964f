#pragma once

#include "db/storeerror.h"

#include <QDockWidget>
#include <QHash>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace cp {

class EmergencyOpsModel;
class FeedbackLabel;
class IncidentSession;
class IncidentStore;
class RoleTemplateLibrary;
class StakeholderModel;

// The business response's checklists (issue #9), one tab each: emergency operations (the
// outbound activities with their owner roles, halted and restarted — Space ticks the selected one,
// undoable; add an activity; return to normal), the first briefing's questions, the departments
// the Internal Liaison must tell (Space marks the selected one told, undoable), and the media and
// social questions. Its actions Declare business incident… and Return to normal sit in the
// Incident menu.
class BusinessDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BusinessDock)

public:
    BusinessDock(IncidentStore &store, const RoleTemplateLibrary &templates, QWidget *parent = nullptr);
    ~BusinessDock() override;

    // The incident shown and written to; null: none.
    void setSession(IncidentSession *session);
    qint64 incidentId() const { return m_incidentId; }

    EmergencyOpsModel *emergencyModel() const { return m_emergencyModel; }
    StakeholderModel *stakeholderModel() const { return m_stakeholderModel; }
    QTableView *emergencyView() const { return m_emergencyView; }
    QTableView *stakeholderView() const { return m_stakeholderView; }
    QTabWidget *tabs() const { return m_tabs; }

    // What the actions and keys do (tests call them directly; no dialog).
    StoreError declare(const QStringList &audiences, bool addRoles);
    StoreError returnToNormal();
    StoreError tickCurrentActivity(); // halt in emergency, restart while returning to normal
    Result<qint64> addActivity(const QString &activity, const QString &ownerRoleKey);
    StoreError saveBriefing(); // every changed answer
    StoreError notifyCurrentDepartment(const QString &method);
    Result<qint64> logInbound(const QString &channel, const QString &from, const QString &question);
    QLineEdit *briefingField(const QString &questionKey) const { return m_briefing.value(questionKey); }

    QAction *declareAction() const { return m_declareAction; }
    QAction *normalAction() const { return m_normalAction; }
    QAction *focusAction() const { return m_focusAction; }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void updateState();
    void loadBriefing();
    void loadInbound();
    void askDeclare();
    void askAnswer();

    IncidentStore &m_store;
    const RoleTemplateLibrary &m_templates;
    IncidentSession *m_session = nullptr;
    qint64 m_incidentId = 0;
    EmergencyOpsModel *m_emergencyModel;
    StakeholderModel *m_stakeholderModel;
    QTabWidget *m_tabs;
    QLabel *m_modeLabel;
    QTableView *m_emergencyView;
    QPushButton *m_tick;
    QLineEdit *m_newActivity;
    QComboBox *m_newOwner;
    QPushButton *m_add;
    QPushButton *m_normal;
    QHash<QString, QLineEdit *> m_briefing;
    QHash<QString, QLabel *> m_briefingLabels;
    QLabel *m_briefingHint;
    QPushButton *m_saveBriefing;
    QLabel *m_departmentsLabel;
    QTableView *m_stakeholderView;
    QComboBox *m_method;
    QPushButton *m_told;
    QTreeWidget *m_inbound;
    QLabel *m_inboundTitle;
    QComboBox *m_inboundChannel;
    QLineEdit *m_inboundFrom;
    QLineEdit *m_inboundQuestion;
    QPushButton *m_logInbound;
    QPushButton *m_answerInbound;
    FeedbackLabel *m_error;
    QAction *m_declareAction;
    QAction *m_normalAction;
    QAction *m_focusAction;
};

} // namespace cp
