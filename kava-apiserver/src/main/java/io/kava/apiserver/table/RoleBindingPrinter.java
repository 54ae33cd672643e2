package io.kava.apiserver.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RoleBindings and ClusterRoleBindings: Name, Role ({@code Kind/name}), Age | Users, Groups, ServiceAccounts, the
 * subjects of each kind joined by {@code ", "}, service accounts as {@code namespace/name}.
 * (k8s {@code printRoleBinding}, {@code printClusterRoleBinding}, {@code rbac.SubjectsStrings})
 */
final class RoleBindingPrinter implements TablePrinter {

    static final RoleBindingPrinter ROLE_BINDING =
            new RoleBindingPrinter(SwaggerDocs.ROLE_BINDING_ROLE_REF, "roleBinding");
    static final RoleBindingPrinter CLUSTER_ROLE_BINDING =
            new RoleBindingPrinter(SwaggerDocs.CLUSTER_ROLE_BINDING_ROLE_REF, "clusterRoleBinding");

    private final List<Column> columns;

    private RoleBindingPrinter(String roleRef, String what) {
        columns = List.of(Column.NAME, Column.string("Role", roleRef), Column.AGE,
                Column.string("Users", "Users in the " + what).wide(),
                Column.string("Groups", "Groups in the " + what).wide(),
                Column.string("ServiceAccounts", "ServiceAccounts in the " + what).wide());
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Row print(ObjectNode binding, Instant now) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> serviceAccounts = new ArrayList<>();
        for (JsonNode subject : Nodes.items(binding, "subjects")) {
            switch (Nodes.str(subject, "kind")) {
                case "ServiceAccount" -> serviceAccounts.add(Nodes.str(subject, "namespace") + "/"
                        + Nodes.str(subject, "name"));
                case "User" -> users.add(Nodes.str(subject, "name"));
                case "Group" -> groups.add(Nodes.str(subject, "name"));
                default -> {
                }
            }
        }
        String role = Nodes.str(binding, "roleRef", "kind") + "/" + Nodes.str(binding, "roleRef", "name");
        return Row.of(Nodes.name(binding), role, Cells.age(binding, now), String.join(", ", users),
                String.join(", ", groups), String.join(", ", serviceAccounts));
    }
}
