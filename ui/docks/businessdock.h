#pragma once

#include "db/storeerror.h"
#include "domain/business.h"

#include "deferreddock.h"

#include <QHash>
#include <optional>

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
class BusinessDock final : public DeferredDock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BusinessDock)

public:
    BusinessDock(IncidentStore &store, const RoleTemplateLibrary &templates, QWidget *parent = nullptr);
    ~BusinessDock() override;

    qint64 incidentId() const
    {
        ensureBuilt();
        return m_incidentId;
    }

    EmergencyOpsModel *emergencyModel() const { return built(m_emergencyModel); }
    StakeholderModel *stakeholderModel() const { return built(m_stakeholderModel); }
    QTableView *emergencyView() const { return built(m_emergencyView); }
    QTableView *stakeholderView() const { return built(m_stakeholderView); }
    QTabWidget *tabs() const { return built(m_tabs); }

    // What the actions and keys do (tests call them directly; no dialog).
    StoreError declare(const QStringList &audiences, bool addRoles);
    StoreError returnToNormal();
    StoreError tickCurrentActivity(); // halt in emergency, restart while returning to normal
    Result<qint64> addActivity(const QString &activity, const QString &ownerRoleKey);
    StoreError saveBriefing(); // every changed answer
    StoreError notifyCurrentDepartment(const QString &method);
    Result<qint64> logInbound(const QString &channel, const QString &from, const QString &question);
    QLineEdit *briefingField(const QString &questionKey) const
    {
        ensureBuilt();
        return m_briefing.value(questionKey);
    }

    QAction *declareAction() const { return m_declareAction; }
    QAction *normalAction() const { return m_normalAction; }
    QAction *focusAction() const { return m_focusAction; }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    QWidget *buildContent() override;
    void showSession(IncidentSession *session) override;
    void updateFrame(IncidentSession *session) override;

private:
    void retranslateUi();
    void updateActions(std::optional<BusinessState> state);
    void updateState();
    void loadBriefing();
    void loadInbound();
    void askDeclare();
    void askAnswer();

    IncidentStore &m_store;
    const RoleTemplateLibrary &m_templates;
    IncidentSession *m_session = nullptr;
    qint64 m_incidentId = 0;
    EmergencyOpsModel *m_emergencyModel = nullptr;
    StakeholderModel *m_stakeholderModel = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_modeLabel = nullptr;
    QTableView *m_emergencyView = nullptr;
    QPushButton *m_tick = nullptr;
    QLineEdit *m_newActivity = nullptr;
    QComboBox *m_newOwner = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_normal = nullptr;
    QHash<QString, QLineEdit *> m_briefing;
    QHash<QString, QLabel *> m_briefingLabels;
    QLabel *m_briefingHint = nullptr;
    QPushButton *m_saveBriefing = nullptr;
    QLabel *m_departmentsLabel = nullptr;
    QTableView *m_stakeholderView = nullptr;
    QComboBox *m_method = nullptr;
    QPushButton *m_told = nullptr;
    QTreeWidget *m_inbound = nullptr;
    QLabel *m_inboundTitle = nullptr;
    QComboBox *m_inboundChannel = nullptr;
    QLineEdit *m_inboundFrom = nullptr;
    QLineEdit *m_inboundQuestion = nullptr;
    QPushButton *m_logInbound = nullptr;
    QPushButton *m_answerInbound = nullptr;
    FeedbackLabel *m_error = nullptr;
    QAction *m_declareAction;
    QAction *m_normalAction;
    QAction *m_focusAction;
};

} // namespace cp
