#include "templateeditordialog.h"

#include "widgets/kindstyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace cp {

TemplateEditorDialog::TemplateEditorDialog(RoleTemplateLibrary &library, QWidget *parent)
    : QDialog(parent), m_library(library), m_templates(new QListWidget(this)), m_newKey(new QLineEdit(this)),
      m_duplicate(new QPushButton(tr("&Duplicate as"), this)), m_name(new QLineEdit(this)),
      m_templateDescription(new QPlainTextEdit(this)), m_roles(new QListWidget(this)),
      m_addRole(new QPushButton(tr("&Add role"), this)), m_removeRole(new QPushButton(tr("Re&move role"), this)),
      m_key(new QLineEdit(this)), m_title(new QLineEdit(this)), m_shortName(new QLineEdit(this)),
      m_group(new QLineEdit(this)), m_parent(new QComboBox(this)),
      m_multiple(new QCheckBox(tr("Several people may hold it"), this)),
      m_required(new QCheckBox(tr("Required: flagged while vacant"), this)),
      m_staff(new QCheckBox(tr("Staff: drawn beside its parent"), this)), m_description(new QPlainTextEdit(this)),
      m_responsibilities(new QPlainTextEdit(this)), m_status(new QLabel(this)), m_save(new QPushButton(tr("&Save"), this))
{
    setObjectName(QStringLiteral("templateEditorDialog"));
    setWindowTitle(tr("Role templates"));
    m_templates->setObjectName(QStringLiteral("templateList"));
    m_newKey->setObjectName(QStringLiteral("templateNewKey"));
    m_newKey->setPlaceholderText(tr("new key: my-response"));
    m_duplicate->setObjectName(QStringLiteral("templateDuplicate"));
    m_name->setObjectName(QStringLiteral("templateName"));
    m_templateDescription->setObjectName(QStringLiteral("templateDescription"));
    m_templateDescription->setTabChangesFocus(true);
    m_templateDescription->setFixedHeight(fontMetrics().lineSpacing() * 3 + 10);
    m_roles->setObjectName(QStringLiteral("templateRoles"));
    m_addRole->setObjectName(QStringLiteral("templateAddRole"));
    m_removeRole->setObjectName(QStringLiteral("templateRemoveRole"));
    m_key->setObjectName(QStringLiteral("roleKeyEdit"));
    m_title->setObjectName(QStringLiteral("roleTitleEdit"));
    m_shortName->setObjectName(QStringLiteral("roleShortNameEdit"));
    m_group->setObjectName(QStringLiteral("roleGroupEdit"));
    m_parent->setObjectName(QStringLiteral("roleParentCombo"));
    m_multiple->setObjectName(QStringLiteral("roleMultipleCheck"));
    m_required->setObjectName(QStringLiteral("roleRequiredCheck"));
    m_staff->setObjectName(QStringLiteral("roleStaffCheck"));
    m_description->setObjectName(QStringLiteral("roleDescriptionEdit"));
    m_description->setTabChangesFocus(true);
    m_responsibilities->setObjectName(QStringLiteral("roleResponsibilitiesEdit"));
    m_responsibilities->setTabChangesFocus(true);
    m_responsibilities->setPlaceholderText(tr("One responsibility per line"));
    m_status->setObjectName(QStringLiteral("templateStatus"));
    m_status->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("templateSave"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Templates:"), left));
    leftLayout->addWidget(m_templates);
    auto *duplicateRow = new QHBoxLayout;
    duplicateRow->addWidget(m_duplicate);
    duplicateRow->addWidget(m_newKey);
    leftLayout->addLayout(duplicateRow);

    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    auto *templateForm = new QFormLayout;
    templateForm->addRow(tr("&Name:"), m_name);
    templateForm->addRow(tr("D&escription:"), m_templateDescription);
    middleLayout->addLayout(templateForm);
    middleLayout->addWidget(new QLabel(tr("Roles (parents before children):"), middle));
    middleLayout->addWidget(m_roles);
    auto *roleButtons = new QHBoxLayout;
    roleButtons->addWidget(m_addRole);
    roleButtons->addWidget(m_removeRole);
    roleButtons->addStretch();
    middleLayout->addLayout(roleButtons);

    auto *right = new QGroupBox(tr("Role"), this);
    auto *roleForm = new QFormLayout(right);
    roleForm->addRow(tr("&Key:"), m_key);
    roleForm->addRow(tr("&Title:"), m_title);
    roleForm->addRow(tr("S&hort name:"), m_shortName);
    roleForm->addRow(tr("&Group:"), m_group);
    roleForm->addRow(tr("&Reports to:"), m_parent);
    roleForm->addRow(QString(), m_multiple);
    roleForm->addRow(QString(), m_required);
    roleForm->addRow(QString(), m_staff);
    roleForm->addRow(tr("Desc&ription:"), m_description);
    roleForm->addRow(tr("Res&ponsibilities:"), m_responsibilities);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(middle);
    splitter->addWidget(right);
    splitter->setStretchFactor(2, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(1080, 640);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_templates, &QListWidget::currentRowChanged, this, [this] {
        if (!m_loading)
            showTemplate();
    });
    connect(m_roles, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_loading)
            return;
        storeRole();
        m_roleRow = row;
        fillRoles();
        showRole();
    });
    connect(m_duplicate, &QPushButton::clicked, this, [this] {
        const QString key = m_newKey->text().trimmed();
        duplicateAs(key, tr("%1 (copy)").arg(m_current.name));
    });
    connect(m_addRole, &QPushButton::clicked, this, &TemplateEditorDialog::addRole);
    connect(m_removeRole, &QPushButton::clicked, this, &TemplateEditorDialog::removeRole);
    connect(m_save, &QPushButton::clicked, this, &TemplateEditorDialog::save);

    reloadTemplates();
}

QString TemplateEditorDialog::errorText() const
{
    return m_status->text();
}

void TemplateEditorDialog::reloadTemplates()
{
    m_loading = true;
    m_templates->clear();
    const QList<RoleTemplate> all = m_library.templates();
    for (const RoleTemplate &t : all) {
        auto *item = new QListWidgetItem(t.builtIn ? tr("%1 (built-in)").arg(t.name) : t.name, m_templates);
        item->setData(Qt::UserRole, t.key);
        item->setToolTip(t.key);
    }
    m_loading = false;
    if (m_templates->count() > 0)
        m_templates->setCurrentRow(0);
}

void TemplateEditorDialog::selectTemplate(const QString &key)
{
    for (int row = 0; row < m_templates->count(); ++row) {
        if (m_templates->item(row)->data(Qt::UserRole).toString() == key) {
            m_templates->setCurrentRow(row);
            showTemplate();
            return;
        }
    }
}

void TemplateEditorDialog::showTemplate()
{
    QListWidgetItem *item = m_templates->currentItem();
    if (!item)
        return;
    const auto found = m_library.find(item->data(Qt::UserRole).toString());
    if (!found)
        return;
    m_current = *found;
    m_loading = true;
    m_name->setText(m_current.name);
    m_templateDescription->setPlainText(m_current.description);
    m_loading = false;
    m_roleRow = m_current.roles.isEmpty() ? -1 : 0;
    fillRoles();
    showRole();
    const bool editable = !m_current.builtIn;
    m_name->setEnabled(editable);
    m_templateDescription->setEnabled(editable);
    m_addRole->setEnabled(editable);
    m_removeRole->setEnabled(editable);
    m_save->setEnabled(editable);
    setFormEnabled(editable);
    m_status->setStyleSheet(QString());
    m_status->setText(editable ? tr("Your template “%1”.").arg(m_current.key)
                               : tr("A built-in template cannot be changed: duplicate it under a new key to edit."));
}

void TemplateEditorDialog::setFormEnabled(bool enabled)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_key, m_title, m_shortName, m_group, m_parent, m_multiple,
                                                       m_required, m_staff, m_description, m_responsibilities})
        w->setEnabled(enabled && m_roleRow >= 0);
}

void TemplateEditorDialog::fillRoles()
{
    m_loading = true;
    m_roles->clear();
    QHash<QString, int> depth;
    for (const RoleDefinition &role : std::as_const(m_current.roles)) {
        const int d = role.parentKey.isEmpty() ? 0 : depth.value(role.parentKey, 0) + 1;
        depth.insert(role.key, d);
        QString label = QString(d * 4, QLatin1Char(' ')) + (role.title.isEmpty() ? role.key : role.title);
        if (role.staff)
            label += tr("  (staff)");
        auto *item = new QListWidgetItem(label, m_roles);
        item->setData(Qt::UserRole, role.key);
    }
    m_roles->setCurrentRow(m_roleRow);
    m_loading = false;
}

void TemplateEditorDialog::showRole()
{
    m_loading = true;
    m_parent->clear();
    m_parent->addItem(tr("(nobody: a top role)"), QString());
    const bool have = m_roleRow >= 0 && m_roleRow < m_current.roles.size();
    const RoleDefinition role = have ? m_current.roles.at(m_roleRow) : RoleDefinition{};
    for (const RoleDefinition &other : std::as_const(m_current.roles)) {
        if (other.key != role.key)
            m_parent->addItem(tr("%1 (%2)").arg(other.title, other.key), other.key);
    }
    m_key->setText(role.key);
    m_title->setText(role.title);
    m_shortName->setText(role.shortName);
    m_group->setText(role.group);
    m_parent->setCurrentIndex(std::max(0, m_parent->findData(role.parentKey)));
    m_multiple->setChecked(role.multipleHolders);
    m_required->setChecked(role.required);
    m_staff->setChecked(role.staff);
    m_description->setPlainText(role.description);
    m_responsibilities->setPlainText(role.responsibilities.join(QLatin1Char('\n')));
    m_loading = false;
    setFormEnabled(!m_current.builtIn);
}

void TemplateEditorDialog::storeRole()
{
    if (m_current.builtIn || m_roleRow < 0 || m_roleRow >= m_current.roles.size())
        return;
    RoleDefinition &role = m_current.roles[m_roleRow];
    const QString oldKey = role.key;
    role.key = m_key->text().trimmed();
    role.title = m_title->text().trimmed();
    role.shortName = m_shortName->text().trimmed();
    role.group = m_group->text().trimmed();
    role.parentKey = m_parent->currentData().toString();
    role.multipleHolders = m_multiple->isChecked();
    role.required = m_required->isChecked();
    role.staff = m_staff->isChecked();
    role.description = m_description->toPlainText().trimmed();
    role.responsibilities.clear();
    const QStringList lines = m_responsibilities->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            role.responsibilities << line.trimmed();
    }
    if (oldKey != role.key && !oldKey.isEmpty()) { // a renamed key: its reports follow it
        for (RoleDefinition &other : m_current.roles) {
            if (other.parentKey == oldKey)
                other.parentKey = role.key;
        }
    }
    m_current.name = m_name->text().trimmed();
    m_current.description = m_templateDescription->toPlainText().trimmed();
    // A changed parent may need the role to move after it.
    const QString key = role.key;
    m_current.roles = parentsFirst(m_current.roles);
    for (int i = 0; i < m_current.roles.size(); ++i) {
        if (m_current.roles.at(i).key == key)
            m_roleRow = i;
    }
}

QList<RoleDefinition> TemplateEditorDialog::parentsFirst(const QList<RoleDefinition> &roles)
{
    QList<RoleDefinition> ordered;
    QSet<QString> placed;
    QList<RoleDefinition> pending = roles;
    while (!pending.isEmpty()) {
        bool progress = false;
        for (int i = 0; i < pending.size();) {
            const RoleDefinition &role = pending.at(i);
            bool parentKnown = false;
            for (const RoleDefinition &other : pending)
                parentKnown = parentKnown || (other.key == role.parentKey && other.key != role.key);
            if (role.parentKey.isEmpty() || placed.contains(role.parentKey) || !parentKnown) {
                ordered << role;
                placed.insert(role.key);
                pending.removeAt(i);
                progress = true;
            } else {
                ++i;
            }
        }
        if (!progress) { // a cycle: keep the order and let validation name it
            ordered << pending;
            break;
        }
    }
    return ordered;
}

bool TemplateEditorDialog::duplicateAs(const QString &key, const QString &name)
{
    storeRole();
    if (key.isEmpty() || m_library.find(key)) {
        m_status->setStyleSheet(QStringLiteral("color: %1;").arg(KindStyle::errorColor().name()));
        m_status->setText(key.isEmpty() ? tr("Type a key for the copy first.")
                                        : tr("A template with the key “%1” exists already.").arg(key));
        return false;
    }
    RoleTemplate copy = m_current;
    copy.key = key;
    copy.name = name;
    copy.builtIn = false;
    copy.source = tr("copied from %1").arg(m_current.key);
    const QString error = m_library.save(copy);
    if (!error.isEmpty()) {
        m_status->setStyleSheet(QStringLiteral("color: %1;").arg(KindStyle::errorColor().name()));
        m_status->setText(error);
        return false;
    }
    m_library.reload();
    reloadTemplates();
    selectTemplate(key);
    m_newKey->clear();
    return true;
}

void TemplateEditorDialog::selectRole(const QString &roleKey)
{
    for (int i = 0; i < m_current.roles.size(); ++i) {
        if (m_current.roles.at(i).key == roleKey)
            m_roles->setCurrentRow(i);
    }
}

void TemplateEditorDialog::addRole()
{
    if (m_current.builtIn)
        return;
    storeRole();
    RoleDefinition role;
    int n = m_current.roles.size() + 1;
    while (m_current.role(QStringLiteral("role-%1").arg(n)))
        ++n;
    role.key = QStringLiteral("role-%1").arg(n);
    role.title = tr("New role");
    const QStringList roots = m_current.rootKeys();
    role.parentKey = roots.isEmpty() ? QString() : roots.first();
    m_current.roles << role;
    m_roleRow = m_current.roles.size() - 1;
    fillRoles();
    showRole();
    m_title->setFocus();
    m_title->selectAll();
}

void TemplateEditorDialog::removeRole()
{
    if (m_current.builtIn || m_roleRow < 0 || m_roleRow >= m_current.roles.size())
        return;
    const RoleDefinition removed = m_current.roles.takeAt(m_roleRow);
    for (RoleDefinition &other : m_current.roles) { // its reports move up to its parent
        if (other.parentKey == removed.key)
            other.parentKey = removed.parentKey;
    }
    m_roleRow = std::min(m_roleRow, static_cast<int>(m_current.roles.size()) - 1);
    fillRoles();
    showRole();
}

bool TemplateEditorDialog::save()
{
    storeRole();
    fillRoles();
    QString error = RoleTemplateFormat::validate(m_current);
    if (error.isEmpty())
        error = m_library.save(m_current);
    if (!error.isEmpty()) {
        m_status->setStyleSheet(QStringLiteral("color: %1;").arg(KindStyle::errorColor().name()));
        m_status->setText(tr("Not saved: %1").arg(error));
        return false;
    }
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(KindStyle::savedColor().name()));
    m_status->setText(tr("Saved “%1”.").arg(m_current.name));
    const QString key = m_current.key;
    m_library.reload();
    reloadTemplates();
    selectTemplate(key);
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(KindStyle::savedColor().name()));
    m_status->setText(tr("Saved “%1”.").arg(m_current.name));
    return true;
}

} // namespace cp
