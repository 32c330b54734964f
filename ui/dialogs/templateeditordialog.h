#pragma once

#include "domain/roletemplate.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace cp {

// Lists the role templates, duplicates a built-in into a user template of its own key, and
// edits a user template's roles (title, short name, group, parent, one or many, required,
// staff, description, responsibilities one per line). Saving validates first
// (RoleTemplateFormat::validate) and shows the problem instead of saving.
class TemplateEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplateEditorDialog)

public:
    explicit TemplateEditorDialog(RoleTemplateLibrary &library, QWidget *parent = nullptr);

    RoleTemplate currentTemplate() const { return m_current; }
    void selectTemplate(const QString &key);
    // Copies the selected template under a new key (and name); false with an error shown.
    bool duplicateAs(const QString &key, const QString &name);
    void selectRole(const QString &roleKey);
    void addRole();
    void removeRole();
    bool save(); // validates, then writes; the error shows in the dialog
    QString errorText() const;

private:
    void reloadTemplates();
    void showTemplate();
    void fillRoles();
    void showRole();
    void storeRole(); // form → m_current
    void setFormEnabled(bool enabled);
    static QList<RoleDefinition> parentsFirst(const QList<RoleDefinition> &roles);

    RoleTemplateLibrary &m_library;
    RoleTemplate m_current;
    int m_roleRow = -1;
    bool m_loading = false;

    QListWidget *m_templates;
    QLineEdit *m_newKey;
    QPushButton *m_duplicate;
    QLineEdit *m_name;
    QPlainTextEdit *m_templateDescription;
    QListWidget *m_roles;
    QPushButton *m_addRole;
    QPushButton *m_removeRole;
    QLineEdit *m_key;
    QLineEdit *m_title;
    QLineEdit *m_shortName;
    QLineEdit *m_group;
    QComboBox *m_parent;
    QCheckBox *m_multiple;
    QCheckBox *m_required;
    QCheckBox *m_staff;
    QPlainTextEdit *m_description;
    QPlainTextEdit *m_responsibilities;
    QLabel *m_status;
    QPushButton *m_save;
};

} // namespace cp
