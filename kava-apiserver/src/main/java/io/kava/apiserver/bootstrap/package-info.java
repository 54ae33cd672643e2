/** Objects the API server keeps itself: the default namespaces and the {@code default/kubernetes} Service. */
package io.kava.apiserver.bootstrap;
